using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The parameters of the EBS direct API's ListChangedBlocks, with AWS's names. A record, so
/// that a paginator asks for the next page with <c>request with { NextToken = … }</c> and
/// leaves the caller's request as it was.
/// </summary>
public sealed record ListChangedBlocksRequest
{
    /// <summary>Gets the older snapshot of the comparison; when <see langword="null"/>, every written block of <see cref="SecondSnapshotId"/> is listed.</summary>
    public SnapshotId? FirstSnapshotId { get; init; }

    /// <summary>Gets the newer snapshot of the comparison.</summary>
    public required SnapshotId SecondSnapshotId { get; init; }

    /// <summary>Gets the most blocks one response lists.</summary>
    /// <value>
    /// From <see cref="EbsDirectClient.MinResultsLimit"/> to <see cref="EbsDirectClient.MaxResultsLimit"/>
    /// (AWS's limits); the default, <see langword="null"/>, means <see cref="EbsDirectClient.MaxResultsLimit"/>.
    /// A response may list fewer and still have a <see cref="ListChangedBlocksResponse.NextToken"/>.
    /// </value>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to get, from a previous response; when set, <see cref="StartingBlockIndex"/> is ignored.</summary>
    /// <value>The default is <see langword="null"/>: the first page.</value>
    public string? NextToken { get; init; }

    /// <summary>Gets the block index the comparison starts from.</summary>
    /// <value>
    /// The default is <see langword="null"/>: block 0. A <see langword="long"/> where AWS has an
    /// <see langword="int"/>, because block sizes below AWS's 512 KiB give a 64-TiB volume more
    /// than 2^31 blocks.
    /// </value>
    public long? StartingBlockIndex { get; init; }
}
