using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of the EBS direct API's CompleteSnapshot, with AWS's names.</summary>
public sealed record CompleteSnapshotRequest
{
    /// <summary>Gets the snapshot to complete.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the number of distinct blocks written to the snapshot; it must match.</summary>
    public required int ChangedBlocksCount { get; init; }

    /// <summary>Gets the aggregate checksum of the written blocks (see <see cref="ChecksumAggregationMethod.Linear"/>); verified when given.</summary>
    public string? Checksum { get; init; }

    /// <summary>Gets the algorithm of <see cref="Checksum"/>; required with it.</summary>
    public ChecksumAlgorithm? ChecksumAlgorithm { get; init; }

    /// <summary>Gets how <see cref="Checksum"/> aggregates the blocks' checksums; required with it.</summary>
    public ChecksumAggregationMethod? ChecksumAggregationMethod { get; init; }
}
