using System.Globalization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored deregistration protection of an image: enabled (with or without a cooldown), or disabled
/// with its cooldown still running until <see cref="CooldownEndsAt"/> (AWS's 24 hours after
/// DisableImageDeregistrationProtection, for protection enabled with <c>WithCooldown</c>).
/// </summary>
internal sealed record DeregistrationProtection
{
    /// <summary>AWS's string for an image without protection.</summary>
    public const string Off = "disabled";

    /// <summary>How long protection enabled with a cooldown outlives its disabling, as AWS's.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(24);

    /// <summary>Gets whether DisableImageDeregistrationProtection must be followed by the cooldown.</summary>
    public required bool WithCooldown { get; init; }

    /// <summary>Gets the instant the cooldown of a disabled protection ends, or <see langword="null"/> while it is enabled.</summary>
    public DateTimeOffset? CooldownEndsAt { get; init; }

    /// <summary>Gets whether it refuses deregistration at <paramref name="now"/>.</summary>
    public bool Protects(DateTimeOffset now) => CooldownEndsAt is not { } end || now < end;

    /// <summary>The view's string at <paramref name="now"/>; a cooldown that has ended is <see cref="Off"/>.</summary>
    public string ToAwsString(DateTimeOffset now) => CooldownEndsAt switch
    {
        null => WithCooldown ? "enabled-with-cooldown" : "enabled-without-cooldown",
        { } end when now < end => "disabled-until " + end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => Off,
    };
}
