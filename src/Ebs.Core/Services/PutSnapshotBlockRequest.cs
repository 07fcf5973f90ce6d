using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of the EBS direct API's PutSnapshotBlock, with AWS's names.</summary>
public sealed record PutSnapshotBlockRequest
{
    /// <summary>Gets the snapshot, started with StartSnapshot and not yet completed.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the block's index: its byte offset in the volume divided by the block size.</summary>
    public required long BlockIndex { get; init; }

    /// <summary>Gets the block's bytes: exactly <see cref="DataLength"/> of them are read.</summary>
    public required Stream BlockData { get; init; }

    /// <summary>Gets the length of <see cref="BlockData"/>: it must be the block size (<see cref="EbsOptions.BlockSize"/>; AWS's is always 524,288).</summary>
    public required int DataLength { get; init; }

    /// <summary>Gets the caller's progress of the whole write, 0 to 100; accepted and not used.</summary>
    public int? Progress { get; init; }

    /// <summary>Gets the Base64-encoded SHA-256 of the block's bytes.</summary>
    public required string Checksum { get; init; }

    /// <summary>Gets the checksum algorithm.</summary>
    public ChecksumAlgorithm ChecksumAlgorithm { get; init; } = ChecksumAlgorithm.Sha256;
}
