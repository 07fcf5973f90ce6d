using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>How far a seeded id sequence has gone (see <see cref="ResourceIdGenerator.Drawn"/>): the one record of its kind.</summary>
/// <param name="Drawn">The draws made so far.</param>
internal sealed record IdSequence(long Drawn)
{
    /// <summary>The key of the one record.</summary>
    public const string TheKey = "ids";

    /// <summary>Gets the record's key.</summary>
    [JsonIgnore]
    public string Key => TheKey;
}
