namespace Ebs.Core.Domain;

/// <summary>How long a retention rule keeps a deleted resource in the Recycle Bin.</summary>
public sealed record RetentionPeriod
{
    /// <summary>Gets the number of units: 1 to 365 days for snapshots and images.</summary>
    public required int RetentionPeriodValue { get; init; }

    /// <summary>Gets the unit, always days.</summary>
    public RetentionPeriodUnit RetentionPeriodUnit { get; init; } = RetentionPeriodUnit.Days;
}
