using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// A time-driven effect waiting for its instant: which effect (a name in
/// <c>Services.DueEffects</c>) applies to which target, and when. The scheduler applies due
/// events in due order, each at its own instant.
/// </summary>
/// <param name="Due">The instant the effect happens.</param>
/// <param name="Effect">The effect's name.</param>
/// <param name="Target">The key of what it applies to, such as a snapshot id.</param>
internal sealed record DueEvent(DateTimeOffset Due, string Effect, string Target)
{
    /// <summary>Gets the key that orders events by instant, then effect and target; unique per (instant, effect, target).</summary>
    [JsonIgnore]
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Due.UtcTicks:D19}|{Effect}|{Target}");
}
