using Ebs.Core.Chunks;

namespace Ebs.Core.Services;

/// <summary>
/// A block written between the two snapshots of a ListChangedBlocks call (even with equal
/// bytes), with the tokens GetSnapshotBlock takes to read it from either. A value type because
/// a page lists up to 10,000 of them; it holds what its tokens are made of, and each token is
/// made when it is read (each read gives an equal string), so a page costs no string per block.
/// </summary>
public readonly record struct ChangedBlock
{
    private const byte InFirst = 1, InSecond = 2;

    private readonly UInt128 _first;
    private readonly UInt128 _second;
    private readonly BlockTokens.Issuers? _tokens;
    private readonly byte _presence;

    internal ChangedBlock(long index, ChunkId? first, ChunkId? second, BlockTokens.Issuers tokens)
    {
        BlockIndex = index;
        _first = first?.Value ?? default;
        _second = second?.Value ?? default;
        _tokens = tokens;
        _presence = (byte)((first.HasValue && tokens.First.HasValue ? InFirst : 0) | (second.HasValue ? InSecond : 0));
    }

    /// <summary>Gets the block index: the block's byte offset divided by <see cref="ListChangedBlocksResponse.BlockSize"/>.</summary>
    public long BlockIndex { get; }

    /// <summary>Gets the block's token in the first snapshot, or <see langword="null"/> when the block is not in it (or there is no first snapshot).</summary>
    public string? FirstBlockToken => (_presence & InFirst) != 0 ? _tokens!.First!.Value.Issue(BlockIndex, new ChunkId(_first)) : null;

    /// <summary>Gets the block's token in the second snapshot, or <see langword="null"/> when the block is not in it.</summary>
    public string? SecondBlockToken => (_presence & InSecond) != 0 ? _tokens!.Second.Issue(BlockIndex, new ChunkId(_second)) : null;
}
