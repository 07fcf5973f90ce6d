using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Services;

/// <summary>
/// Collects one ListChangedBlocks page from a diff: up to <c>maxResults</c> blocks in one array,
/// sized up front when the diff knows how many follow, then the index the next page starts at.
/// </summary>
internal struct ChangedBlockPage(int maxResults, BlockTokens.Issuers tokens) : IDiffVisitor
{
    private ChangedBlock[] _blocks = [];
    private int _count;

    /// <summary>Gets the index of the first block past this page, when there is one.</summary>
    public long? Next { get; private set; }

    public void Expect(int count) => _blocks = new ChangedBlock[Math.Min(count, maxResults)];

    public bool Visit(long index, ChunkId? first, ChunkId? second)
    {
        if (_count == maxResults)
        {
            Next = index;
            return false;
        }

        if (_count == _blocks.Length)
        {
            Array.Resize(ref _blocks, Math.Clamp(_count * 2, 64, maxResults));
        }

        _blocks[_count++] = new ChangedBlock(index, first, second, tokens);
        return true;
    }

    /// <summary>Gets the blocks collected.</summary>
    public readonly ImmutableArray<ChangedBlock> ToImmutableArray()
        => ImmutableCollectionsMarshal.AsImmutableArray(_count == _blocks.Length ? _blocks : _blocks[.._count]);
}
