namespace Ebs.Core.Services;

/// <summary>
/// A block written between the two snapshots of a ListChangedBlocks call (even with equal
/// bytes), with the tokens GetSnapshotBlock takes to read it from either. A value type because
/// a page lists up to 10,000 of them.
/// </summary>
public readonly record struct ChangedBlock
{
    /// <summary>Gets the block index: the block's byte offset divided by <see cref="ListChangedBlocksResponse.BlockSize"/>.</summary>
    public long BlockIndex { get; init; }

    /// <summary>Gets the block's token in the first snapshot, or <see langword="null"/> when the block is not in it (or there is no first snapshot).</summary>
    public string? FirstBlockToken { get; init; }

    /// <summary>Gets the block's token in the second snapshot, or <see langword="null"/> when the block is not in it.</summary>
    public string? SecondBlockToken { get; init; }
}
