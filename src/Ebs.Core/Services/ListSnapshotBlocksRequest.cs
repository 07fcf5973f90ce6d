using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of the EBS direct API's ListSnapshotBlocks, with AWS's names; a record, so a paginator can ask for the next page with <c>with</c>.</summary>
public sealed record ListSnapshotBlocksRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the most blocks one response lists: 100 to 10,000; <see langword="null"/> means 10,000.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to get; when set, <see cref="StartingBlockIndex"/> is ignored.</summary>
    public string? NextToken { get; init; }

    /// <summary>Gets the block index the list starts from (a <see langword="long"/> where AWS has an <see langword="int"/>: small block sizes give more blocks).</summary>
    public long? StartingBlockIndex { get; init; }
}
