using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeSnapshotAttribute.</summary>
public sealed record DescribeSnapshotAttributeRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the attribute to describe.</summary>
    public required SnapshotAttributeName Attribute { get; init; }
}
