namespace Ebs.Core.Domain;

/// <summary>
/// Fast Snapshot Restore for a schedule's snapshots (DLM's <c>FastRestoreRule</c>): enabled in
/// <see cref="AvailabilityZones"/> once each snapshot completes, and disabled when the snapshot is
/// no longer among each volume's newest <see cref="Count"/>, or <see cref="Interval"/> after it was enabled.
/// </summary>
public sealed record FastRestoreRule
{
    /// <summary>Gets how many of each volume's newest snapshots keep Fast Snapshot Restore, 1 to 1000; for count-based schedules.</summary>
    public int? Count { get; init; }

    /// <summary>Gets how long each snapshot keeps Fast Snapshot Restore, at least 1 unit and at most 100 years; for age-based schedules.</summary>
    public int? Interval { get; init; }

    /// <summary>Gets the unit of <see cref="Interval"/>.</summary>
    public RetentionIntervalUnitValues? IntervalUnit { get; init; }

    /// <summary>Gets the zones of the policy's Region to enable it in, 1 to 10.</summary>
    public IReadOnlyList<string> AvailabilityZones { get; init; } = [];
}
