using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CopySnapshot, called on the facade of the destination Region.</summary>
public sealed record CopySnapshotRequest
{
    /// <summary>Gets the Region of the source snapshot.</summary>
    public required string SourceRegion { get; init; }

    /// <summary>Gets the source snapshot.</summary>
    public required SnapshotId SourceSnapshotId { get; init; }

    /// <summary>Gets the description, up to 255 characters.</summary>
    /// <value>The default is AWS's <c>[Copied snap-… from …]</c>.</value>
    public string? Description { get; init; }

    /// <summary>Gets the tags to put on the new snapshot: one specification of resource type <c>snapshot</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];
}
