using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateVolume.</summary>
public sealed record CreateVolumeRequest
{
    /// <summary>Gets the Availability Zone of the new volume; it must belong to the facade's Region.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>Gets the size in GiB, 1 to 65,536; when creating from a snapshot, at least its volume size (the default).</summary>
    public int? Size { get; init; }

    /// <summary>Gets the snapshot to create the volume from, or <see langword="null"/> for an empty volume.</summary>
    public SnapshotId? SnapshotId { get; init; }

    /// <summary>Gets the tags to put on the new volume: one specification of resource type <c>volume</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];
}
