using System.Globalization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a Recycle Bin retention rule of one account in one Region. Its lock
/// state follows from <see cref="UnlockDelayDays"/> and <see cref="LockEndTime"/> at any instant,
/// so nothing has to happen when an unlock delay runs out.
/// </summary>
internal sealed record RetentionRuleRecord
{
    /// <summary>The length of a rule identifier (AWS's pattern <c>[0-9a-zA-Z]{11}</c>).</summary>
    public const int IdentifierLength = 11;

    public required string Identifier { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required RecycleBinResourceType ResourceType { get; init; }

    public required int RetentionDays { get; init; }

    public required string Description { get; init; }

    /// <summary>Gets the rule's own tags (TagResource), not the tags it matches.</summary>
    public required TagList Tags { get; init; }

    /// <summary>Gets the tags of a tag-level rule (any one retains a resource); empty for a Region-level rule.</summary>
    public required ValueList<ResourceTag> ResourceTags { get; init; }

    /// <summary>Gets the tags that keep a resource out of a Region-level rule.</summary>
    public required ValueList<ResourceTag> ExcludeResourceTags { get; init; }

    /// <summary>Gets the unlock delay of the rule's lock, or <see langword="null"/> when it was never locked.</summary>
    public int? UnlockDelayDays { get; init; }

    /// <summary>Gets when the unlock delay started by UnlockRule ends, or <see langword="null"/> while locked (or never locked).</summary>
    public DateTimeOffset? LockEndTime { get; init; }

    public bool IsRegionLevel => ResourceTags.Count == 0;

    public string Arn => string.Create(CultureInfo.InvariantCulture, $"arn:aws:rbin:{Region}:{AccountId}:rule/{Identifier}");

    public LockState? LockStateAt(DateTimeOffset now)
        => UnlockDelayDays is null ? null
            : LockEndTime is not { } end ? LockState.Locked
            : now < end ? LockState.PendingUnlock
            : LockState.Unlocked;

    /// <summary>Whether the rule can be changed or deleted at <paramref name="now"/>: neither locked nor within its unlock delay.</summary>
    public bool IsMutableAt(DateTimeOffset now) => LockStateAt(now) is null or LockState.Unlocked;

    /// <summary>Gets the <see cref="LockEndTime"/> AWS reports: only while the unlock delay runs.</summary>
    public DateTimeOffset? LockEndTimeAt(DateTimeOffset now) => LockStateAt(now) == LockState.PendingUnlock ? LockEndTime : null;

    public LockConfiguration? LockConfiguration
        => UnlockDelayDays is { } days ? new LockConfiguration { UnlockDelay = new UnlockDelay { UnlockDelayValue = days } } : null;

    public RetentionPeriod RetentionPeriod => new() { RetentionPeriodValue = RetentionDays };

    /// <summary>Whether the rule retains a resource with <paramref name="tags"/>: any of its resource tags, or for a Region-level rule none of its exclusion tags.</summary>
    public bool Retains(IReadOnlyDictionary<string, string> tags)
        => IsRegionLevel ? !ExcludeResourceTags.Any(t => t.IsOn(tags)) : ResourceTags.Any(t => t.IsOn(tags));
}
