namespace Ebs.Core.Services;

/// <summary>
/// A block whose content differs between the two snapshots of a ListChangedBlocks call.
/// A value type because a page lists up to 10,000 of them. AWS's block tokens
/// (<c>FirstBlockToken</c>, <c>SecondBlockToken</c>) are not issued: they serve only
/// GetSnapshotBlock, which this library does not offer.
/// </summary>
public readonly record struct ChangedBlock
{
    /// <summary>Gets the block index: the block's byte offset divided by <see cref="ListChangedBlocksResponse.BlockSize"/>.</summary>
    public long BlockIndex { get; init; }
}
