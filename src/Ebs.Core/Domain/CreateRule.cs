namespace Ebs.Core.Domain;

/// <summary>
/// When a schedule creates snapshots (DLM's <c>CreateRule</c>): every <see cref="Interval"/> hours
/// from the time of day in <see cref="Times"/>, or at the instants of <see cref="CronExpression"/>; one or the other.
/// </summary>
public sealed record CreateRule
{
    /// <summary>Gets the interval between snapshots: 1, 2, 3, 4, 6, 8, 12 or 24.</summary>
    public int? Interval { get; init; }

    /// <summary>Gets the unit of <see cref="Interval"/>.</summary>
    public IntervalUnitValues? IntervalUnit { get; init; }

    /// <summary>
    /// Gets the time of day, <c>hh:mm</c> UTC, the interval starts at; at most one. Without it the
    /// policy starts at the time of day it was created (AWS picks a time within 24 hours). Runs
    /// happen at the time itself, where AWS starts them within the following hour.
    /// </summary>
    public IReadOnlyList<string> Times { get; init; } = [];

    /// <summary>Gets the schedule as a cron expression in AWS's dialect, such as <c>cron(0 2 ? * MON *)</c>; at least an hour between runs.</summary>
    public string? CronExpression { get; init; }
}
