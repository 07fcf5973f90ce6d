namespace Ebs.Core.Domain;

/// <summary>One schedule of a lifecycle policy (DLM's <c>Schedule</c>): when it creates snapshots, what it tags them with, how long it keeps them, where it copies them and, for AMIs, when it deprecates them.</summary>
public sealed record Schedule
{
    /// <summary>Gets the name, up to 120 letters, digits, spaces, underscores and hyphens; unique within the policy. Snapshots carry it in <c>aws:dlm:lifecycle-schedule-name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets a value indicating whether snapshots copy the user tags of their volume.</summary>
    public bool CopyTags { get; init; }

    /// <summary>Gets the tags added to every snapshot, at most 45; values may hold <c>$(instance-id)</c> and <c>$(timestamp)</c>.</summary>
    public IReadOnlyList<Tag> TagsToAdd { get; init; } = [];

    /// <summary>Gets tags whose values are variables (<c>$(instance-id)</c>, <c>$(timestamp)</c>), at most 45; only for policies targeting instances.</summary>
    public IReadOnlyList<Tag> VariableTags { get; init; } = [];

    /// <summary>Gets when snapshots are created.</summary>
    public required CreateRule CreateRule { get; init; }

    /// <summary>Gets how long snapshots (or images, with their snapshots) are kept.</summary>
    public required RetainRule RetainRule { get; init; }

    /// <summary>Gets the copies made to other Regions once each snapshot completes, at most 3.</summary>
    public IReadOnlyList<CrossRegionCopyRule> CrossRegionCopyRules { get; init; } = [];

    /// <summary>Gets the sharing of the schedule's snapshots with other accounts, at most one rule; snapshot policies only.</summary>
    public IReadOnlyList<ShareRule> ShareRules { get; init; } = [];

    /// <summary>Gets the Fast Snapshot Restore of the schedule's snapshots, or <see langword="null"/> for none; snapshot policies only.</summary>
    public FastRestoreRule? FastRestoreRule { get; init; }

    /// <summary>Gets the archiving of the schedule's snapshots, or <see langword="null"/> to delete what retention lets go; snapshot policies that target volumes only, one schedule per policy.</summary>
    public ArchiveRule? ArchiveRule { get; init; }

    /// <summary>Gets when an AMI policy deprecates its images, or <see langword="null"/> for never.</summary>
    public DeprecateRule? DeprecateRule { get; init; }
}
