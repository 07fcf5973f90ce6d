using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of the EBS direct API's GetSnapshotBlock, with AWS's names.</summary>
public sealed record GetSnapshotBlockRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the block index.</summary>
    public required long BlockIndex { get; init; }

    /// <summary>Gets the block's token from ListSnapshotBlocks or ListChangedBlocks, valid for this snapshot and block until it expires.</summary>
    public required string BlockToken { get; init; }
}
