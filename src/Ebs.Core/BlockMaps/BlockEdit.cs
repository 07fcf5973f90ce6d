using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>
/// One block's leaf entry before and after edits of a map: its chunk (or nothing) and the write
/// generation that put it there (see <see cref="WriteGeneration"/>).
/// </summary>
internal readonly struct BlockEdit
{
    private const byte HadBefore = 1, HasAfter = 2;

    private readonly UInt128 _before;
    private readonly UInt128 _after;
    private readonly ulong _beforeGeneration;
    private readonly ulong _afterGeneration;
    private readonly byte _presence;

    public BlockEdit(long index, ChunkId? before, ulong beforeGeneration, ChunkId? after, ulong afterGeneration)
    {
        Index = index;
        _before = before?.Value ?? default;
        _after = after?.Value ?? default;
        _beforeGeneration = before.HasValue ? beforeGeneration : 0;
        _afterGeneration = after.HasValue ? afterGeneration : 0;
        _presence = (byte)((before.HasValue ? HadBefore : 0) | (after.HasValue ? HasAfter : 0));
    }

    private BlockEdit(long index, UInt128 before, ulong beforeGeneration, UInt128 after, ulong afterGeneration, byte presence)
        => (Index, _before, _beforeGeneration, _after, _afterGeneration, _presence) = (index, before, beforeGeneration, after, afterGeneration, presence);

    /// <summary>Gets the block index.</summary>
    public long Index { get; }

    /// <summary>Gets the block's chunk before the edits, if any.</summary>
    public ChunkId? Before => (_presence & HadBefore) != 0 ? new ChunkId(_before) : null;

    /// <summary>Gets the block's chunk after the edits, if any.</summary>
    public ChunkId? After => (_presence & HasAfter) != 0 ? new ChunkId(_after) : null;

    /// <summary>Whether the block's entry differs by write: present in one only, another chunk or another write generation.</summary>
    public bool ChangesWrite => ChangesContent || _beforeGeneration != _afterGeneration;

    /// <summary>Whether the block's bytes differ: present in one only, or another chunk.</summary>
    public bool ChangesContent => _presence is HadBefore or HasAfter || _before != _after;

    /// <summary>Gets the edit from this one's entry before to <paramref name="later"/>'s after: the block edited again later.</summary>
    public BlockEdit Then(BlockEdit later)
        => new(Index, _before, _beforeGeneration, later._after, later._afterGeneration, (byte)((_presence & HadBefore) | (later._presence & HasAfter)));
}
