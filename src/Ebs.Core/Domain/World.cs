using System.Collections.Immutable;

namespace Ebs.Core.Domain;

/// <summary>All aggregates of a cloud at one instant; replaced whole on every commit so readers never lock.</summary>
internal sealed record World
{
    public static World Empty { get; } = new();

    public ImmutableDictionary<VolumeId, VolumeRecord> Volumes { get; init; } = ImmutableDictionary<VolumeId, VolumeRecord>.Empty;

    public ImmutableDictionary<SnapshotId, SnapshotRecord> Snapshots { get; init; } = ImmutableDictionary<SnapshotId, SnapshotRecord>.Empty;

    public ImmutableDictionary<ImageId, ImageRecord> Images { get; init; } = ImmutableDictionary<ImageId, ImageRecord>.Empty;
}
