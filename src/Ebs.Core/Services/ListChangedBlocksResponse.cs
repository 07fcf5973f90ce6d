using System.Collections.Immutable;

namespace Ebs.Core.Services;

/// <summary>One page of the EBS direct API's ListChangedBlocks, with AWS's names.</summary>
public sealed record ListChangedBlocksResponse
{
    /// <summary>Gets the changed blocks of this page, ascending by index.</summary>
    public required ImmutableArray<ChangedBlock> ChangedBlocks { get; init; }

    /// <summary>Gets when the page's block tokens expire (<see cref="EbsDirectClient.BlockTokenLifetime"/> after the call).</summary>
    public DateTimeOffset? ExpiryTime { get; init; }

    /// <summary>Gets the size of the second snapshot's volume, in GiB.</summary>
    public required long VolumeSize { get; init; }

    /// <summary>Gets the block size in bytes.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last page.</summary>
    public string? NextToken { get; init; }
}
