using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of the EBS direct API's StartSnapshot, with AWS's names.</summary>
public sealed record StartSnapshotResponse
{
    internal StartSnapshotResponse()
    {
    }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the new snapshot's id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the owner's account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the snapshot's state: <see cref="SnapshotState.Pending"/> while blocks are written.</summary>
    public required SnapshotState Status { get; init; }

    /// <summary>Gets when the snapshot was started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the volume size, in GiB.</summary>
    public required long VolumeSize { get; init; }

    /// <summary>Gets the block size in bytes: the cloud's (<see cref="EbsOptions.BlockSize"/>), where AWS's is always 524,288.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Gets the snapshot's tags.</summary>
    public required TagList Tags { get; init; }

    /// <summary>Gets the parent snapshot, if any.</summary>
    public SnapshotId? ParentSnapshotId { get; init; }
}
