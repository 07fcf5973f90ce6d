namespace Ebs.Core.Domain;

/// <summary>When an AMI policy deprecates its images (DLM's <c>DeprecateRule</c>): all but the newest <see cref="Count"/> of an instance, or each <see cref="Interval"/> after its creation.</summary>
public sealed record DeprecateRule
{
    /// <summary>Gets how many images of each instance stay current, 1 to 1000.</summary>
    public int? Count { get; init; }

    /// <summary>Gets how long after its creation an image is deprecated, at least 1 unit.</summary>
    public int? Interval { get; init; }

    /// <summary>Gets the unit of <see cref="Interval"/>.</summary>
    public RetentionIntervalUnitValues? IntervalUnit { get; init; }
}
