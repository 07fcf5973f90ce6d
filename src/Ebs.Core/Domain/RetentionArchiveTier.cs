namespace Ebs.Core.Domain;

/// <summary>
/// How long a schedule keeps snapshots in the archive tier (DLM's <c>RetentionArchiveTier</c>):
/// each volume's newest <see cref="Count"/> archived snapshots for a count-based schedule, or each
/// for <see cref="Interval"/> from its archiving for an age-based one; at least 90 days either way.
/// </summary>
public sealed record RetentionArchiveTier
{
    /// <summary>Gets how many archived snapshots of each volume to keep, 1 to 1000, enough that each stays 90 days at the schedule's frequency.</summary>
    public int? Count { get; init; }

    /// <summary>Gets how long each snapshot stays archived before it is deleted, at least 90 days.</summary>
    public int? Interval { get; init; }

    /// <summary>Gets the unit of <see cref="Interval"/>.</summary>
    public RetentionIntervalUnitValues? IntervalUnit { get; init; }
}
