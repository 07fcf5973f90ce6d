namespace Ebs.Core.Domain;

/// <summary>How long a cross-Region copy is kept (DLM's <c>CrossRegionCopyRetainRule</c>), counted from the copy's creation.</summary>
public sealed record CrossRegionCopyRetainRule
{
    /// <summary>Gets how long to keep each copy, at least 1 unit.</summary>
    public required int Interval { get; init; }

    /// <summary>Gets the unit of <see cref="Interval"/>.</summary>
    public required RetentionIntervalUnitValues IntervalUnit { get; init; }
}
