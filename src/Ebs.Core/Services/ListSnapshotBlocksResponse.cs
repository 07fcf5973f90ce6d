using System.Collections.Immutable;

namespace Ebs.Core.Services;

/// <summary>One page of the EBS direct API's ListSnapshotBlocks, with AWS's names.</summary>
public sealed record ListSnapshotBlocksResponse
{
    internal ListSnapshotBlocksResponse()
    {
    }

    /// <summary>Gets the snapshot's written blocks of this page, ascending by index.</summary>
    public required ImmutableArray<Block> Blocks { get; init; }

    /// <summary>Gets when the page's block tokens expire (<see cref="EbsDirectClient.BlockTokenLifetime"/> after the call).</summary>
    public required DateTimeOffset ExpiryTime { get; init; }

    /// <summary>Gets the snapshot's volume size, in GiB.</summary>
    public required long VolumeSize { get; init; }

    /// <summary>Gets the block size in bytes.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last page.</summary>
    public string? NextToken { get; init; }
}
