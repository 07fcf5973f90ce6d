using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateSnapshot.</summary>
public sealed record CreateSnapshotRequest
{
    /// <summary>Gets the volume to snapshot.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the description, up to 255 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the tags to put on the new snapshot: one specification of resource type <c>snapshot</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];
}
