namespace Ebs.Core.Domain;

/// <summary>How long a schedule keeps its snapshots (DLM's <c>RetainRule</c>): the newest <see cref="Count"/> per volume, or each for <see cref="Interval"/> <see cref="IntervalUnit"/>.</summary>
public sealed record RetainRule
{
    /// <summary>Gets how many snapshots of each volume to keep, 1 to 1000; 0 (archive at once) with an archive rule.</summary>
    public int? Count { get; init; }

    /// <summary>Gets how long to keep each snapshot, at least 1 unit (0 days with an archive rule) and at most 100 years; the newest snapshot of a volume is never deleted by age.</summary>
    public int? Interval { get; init; }

    /// <summary>Gets the unit of <see cref="Interval"/>.</summary>
    public RetentionIntervalUnitValues? IntervalUnit { get; init; }
}
