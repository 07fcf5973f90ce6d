using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Ebs.Core.Chunks;

namespace Ebs.Core.BlockMaps;

/// <summary>
/// The operations of the persistent radix tree from block index to chunk id. A map is its
/// root node id (<see langword="null"/> when empty); every edit builds new nodes along the
/// changed paths only and shares the rest.
/// </summary>
internal sealed class BlockMap
{
    /// <summary>Creates the shape for maps of at most <paramref name="maxBlocks"/> blocks.</summary>
    public BlockMap(long maxBlocks)
    {
        var bits = Math.Max(1, 64 - BitOperations.LeadingZeroCount((ulong)(maxBlocks - 1)));
        Levels = (bits + BlockMapNode.FanOutBits - 1) / BlockMapNode.FanOutBits;
        MaxBlocks = maxBlocks;
    }

    /// <summary>Gets the depth of every map: the number of node levels.</summary>
    public int Levels { get; }

    /// <summary>Gets the number of addressable blocks.</summary>
    public long MaxBlocks { get; }

    public static long BlockCount(INodeSource nodes, NodeId? root) => root is { } id ? nodes.Get(id).BlockCount : 0;

    /// <summary>Finds the chunk of one block.</summary>
    public ChunkId? Lookup(INodeSource nodes, NodeId? root, long index) => LookupEntry(nodes, root, index)?.Chunk;

    /// <summary>Finds the chunk of one block and the write generation that put it there.</summary>
    public (ChunkId Chunk, ulong Generation)? LookupEntry(INodeSource nodes, NodeId? root, long index)
    {
        if (root is not { } id)
        {
            return null;
        }

        var node = nodes.Get(id);
        while (true)
        {
            var slot = BlockMapNode.SlotOf(index, node.Level);
            if (!node.TryGetChild(slot, out var child))
            {
                return null;
            }

            if (node.IsLeaf)
            {
                return (new ChunkId(child), node.GenerationAt(node.PositionOf(slot)));
            }

            node = node.ChildAt(node.PositionOf(slot), nodes);
        }
    }

    /// <summary>
    /// Applies changes sorted by ascending, distinct block index. Cost is proportional to the
    /// changes times the depth, whatever the size of the map.
    /// </summary>
    public NodeId? Apply(INodeSource nodes, NodeId? root, ReadOnlySpan<BlockChange> changes)
    {
        if (changes.IsEmpty)
        {
            return root;
        }

        var current = root is { } id ? nodes.Get(id) : null;
        var edits = current is null || changes.Length > EditLog.MaxEdits ? null : new EditRecorder(Levels - 1, changes.Length);
        return Build(nodes, Levels - 1, current, changes, WriterOf(changes), edits)?.Id;
    }

    /// <summary>Enumerates (index, chunk) pairs in ascending block order, starting at <paramref name="fromIndex"/>.</summary>
    public IEnumerable<(long Index, ChunkId Chunk)> Enumerate(INodeSource nodes, NodeId? root, long fromIndex = 0)
        => root is { } id ? Walk(nodes, nodes.Get(id), 0, fromIndex) : [];

    /// <summary>
    /// Visits, in ascending order from <paramref name="fromIndex"/>, the blocks whose chunk
    /// differs between two maps (present in one only counts), until <paramref name="visit"/>
    /// returns <see langword="false"/>. Equal subtrees are skipped by id, so the cost is
    /// proportional to the differences times the depth.
    /// </summary>
    /// <remarks>
    /// With <c>byWrite</c>, a block also differs when it holds equal bytes put there by another
    /// write (its <see cref="WriteGeneration"/>): what AWS's ListChangedBlocks reports.
    /// </remarks>
    /// <returns><see langword="false"/> when the visit was stopped early.</returns>
    public bool Diff(INodeSource nodes, NodeId? first, NodeId? second, long fromIndex, DiffVisitor visit, bool byWrite = false)
    {
        var visitor = new DelegateVisitor(visit);
        return Diff(nodes, first, second, fromIndex, ref visitor, byWrite);
    }

    /// <summary>
    /// Visits the differing blocks as <see cref="Diff(INodeSource, NodeId?, NodeId?, long, DiffVisitor, bool)"/>.
    /// When one map was edited from the other, directly or through maps still held, their
    /// <see cref="EditLog"/>s give the differences without walking the trees.
    /// </summary>
    /// <returns><see langword="false"/> when the visit was stopped early.</returns>
    public bool Diff<TVisitor>(INodeSource nodes, NodeId? first, NodeId? second, long fromIndex, ref TVisitor visit, bool byWrite = false)
        where TVisitor : struct, IDiffVisitor
    {
        if (first == second)
        {
            return true;
        }

        var a = first is { } x ? nodes.Get(x) : null;
        var b = second is { } y ? nodes.Get(y) : null;
        return a is not null && b is not null && EditLog.Between(nodes, a, b) is { } logged
            ? DiffLogged(logged.Edits, logged.Reversed, fromIndex, ref visit, byWrite)
            : DiffNodes(nodes, Levels - 1, a, b, 0, fromIndex, ref visit, byWrite);
    }

    /// <summary>Lists every differing block (see <see cref="Diff(INodeSource, NodeId?, NodeId?, long, DiffVisitor, bool)"/>).</summary>
    public List<(long Index, ChunkId? First, ChunkId? Second)> Diff(INodeSource nodes, NodeId? first, NodeId? second, long fromIndex = 0)
    {
        var differences = new List<(long, ChunkId?, ChunkId?)>();
        Diff(nodes, first, second, fromIndex, (index, a, b) =>
        {
            differences.Add((index, a, b));
            return true;
        });
        return differences;
    }

    private static long SpanOf(int level) => 1L << (level * BlockMapNode.FanOutBits);

    /// <summary>The write generation of every change, or <see langword="null"/> when they are mixed.</summary>
    private static ulong? WriterOf(ReadOnlySpan<BlockChange> changes)
    {
        var writer = changes[0].Generation;
        foreach (var change in changes)
        {
            if (change.Generation != writer)
            {
                return null;
            }
        }

        return writer;
    }

    private static BlockMapNode? Build(INodeSource nodes, int level, BlockMapNode? node, ReadOnlySpan<BlockChange> changes, ulong? writer, EditRecorder? edits)
    {
        Span<UInt128> children = stackalloc UInt128[BlockMapNode.FanOut];
        Span<ulong> generations = stackalloc ulong[level == 0 ? BlockMapNode.FanOut : 0];
        var bitmap = node?.Bitmap ?? 0;
        if (node is not null)
        {
            var k = 0;
            for (var bits = bitmap; bits != 0; bits &= bits - 1, k++)
            {
                var slot = BitOperations.TrailingZeroCount(bits);
                children[slot] = node.Children[k];
                if (level == 0)
                {
                    generations[slot] = node.GenerationAt(k);
                }
            }
        }

        var blockCount = node?.BlockCount ?? 0;
        var touched = 0UL;
        var i = 0;
        while (i < changes.Length)
        {
            var slot = BlockMapNode.SlotOf(changes[i].Index, level);
            var j = i + 1;
            while (j < changes.Length && BlockMapNode.SlotOf(changes[j].Index, level) == slot)
            {
                j++;
            }

            var bit = 1UL << slot;
            var had = (bitmap & bit) != 0;
            if (level == 0)
            {
                var change = changes[j - 1];
                var now = change.Chunk?.Value;
                var generation = now.HasValue ? change.Generation : 0;
                if (had != now.HasValue || (had && (children[slot] != now!.Value || generations[slot] != generation)))
                {
                    edits?.Add(new BlockEdit(change.Index, had ? new ChunkId(children[slot]) : null, generations[slot], change.Chunk, generation));
                    touched |= bit;
                    blockCount += (now.HasValue ? 1 : 0) - (had ? 1 : 0);
                    bitmap = now.HasValue ? bitmap | bit : bitmap & ~bit;
                    children[slot] = now ?? default;
                    generations[slot] = generation;
                }
            }
            else
            {
                var child = had ? node!.ChildAt(node.PositionOf(slot), nodes) : null;
                var rebuilt = Build(nodes, level - 1, child, changes[i..j], writer, edits);
                if (!ReferenceEquals(rebuilt, child))
                {
                    touched |= bit;
                    blockCount += (rebuilt?.BlockCount ?? 0) - (child?.BlockCount ?? 0);
                    bitmap = rebuilt is null ? bitmap & ~bit : bitmap | bit;
                    children[slot] = rebuilt?.Id.Value ?? default;
                }
            }

            i = j;
        }

        if (touched == 0)
        {
            return node;
        }

        if (bitmap == 0)
        {
            return null;
        }

        var packed = new UInt128[BitOperations.PopCount(bitmap)];
        var packedGenerations = level == 0 ? new ulong[packed.Length] : null;
        var recorded = false;
        var n = 0;
        for (var bits = bitmap; bits != 0; bits &= bits - 1, n++)
        {
            var slot = BitOperations.TrailingZeroCount(bits);
            packed[n] = children[slot];
            if (packedGenerations is not null)
            {
                packedGenerations[n] = generations[slot];
                recorded |= generations[slot] != 0;
            }
        }

        var provenance = Provenance.After(node, touched, writer);
        var log = edits is not null && level == edits.RootLevel ? EditLog.After(node, provenance, edits.Recorded()) : null;
        return nodes.Intern(BlockMapNode.Create(level, bitmap, packed, blockCount, recorded ? packedGenerations : null, provenance, log));
    }

    private static IEnumerable<(long Index, ChunkId Chunk)> Walk(INodeSource nodes, BlockMapNode node, long baseIndex, long fromIndex)
    {
        var span = SpanOf(node.Level);
        var k = 0;
        for (var bits = node.Bitmap; bits != 0; bits &= bits - 1, k++)
        {
            var start = baseIndex + (BitOperations.TrailingZeroCount(bits) * span);
            if (start + span <= fromIndex)
            {
                continue;
            }

            if (node.IsLeaf)
            {
                yield return (start, new ChunkId(node.Children[k]));
                continue;
            }

            foreach (var item in Walk(nodes, node.ChildAt(k, nodes), start, fromIndex))
            {
                yield return item;
            }
        }
    }

    private static bool DiffNodes<TVisitor>(INodeSource nodes, int level, BlockMapNode? first, BlockMapNode? second, long baseIndex, long fromIndex, ref TVisitor visit, bool byWrite)
        where TVisitor : struct, IDiffVisitor
    {
        if (first is not null && second is not null)
        {
            // One edited from the other (a snapshot and its predecessor): only the edited slots can differ.
            if (second.WasEditedFrom(first, out var slots) || first.WasEditedFrom(second, out slots))
            {
                return DiffSlots(nodes, level, first, second, slots, baseIndex, fromIndex, ref visit, byWrite);
            }

            if (first.Bitmap == second.Bitmap)
            {
                return DiffAligned(nodes, level, first, second, baseIndex, fromIndex, ref visit, byWrite);
            }
        }

        var span = SpanOf(level);
        var firstBits = first?.Bitmap ?? 0;
        var secondBits = second?.Bitmap ?? 0;
        int i = 0, j = 0;
        for (var bits = firstBits | secondBits; bits != 0; bits &= bits - 1)
        {
            var bit = bits & (0 - bits);
            var inFirst = (firstBits & bit) != 0;
            var inSecond = (secondBits & bit) != 0;
            var a = inFirst ? i++ : -1;
            var b = inSecond ? j++ : -1;
            var start = baseIndex + (BitOperations.TrailingZeroCount(bits) * span);
            if (start + span <= fromIndex || (inFirst && inSecond && Same(level, first!, a, second!, b, byWrite)))
            {
                continue;
            }

            if (!DiffChild(nodes, level, inFirst ? first : null, a, inSecond ? second : null, b, start, fromIndex, ref visit, byWrite))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares two nodes in the given slots only, the others being known equal.</summary>
    private static bool DiffSlots<TVisitor>(INodeSource nodes, int level, BlockMapNode first, BlockMapNode second, ulong slots, long baseIndex, long fromIndex, ref TVisitor visit, bool byWrite)
        where TVisitor : struct, IDiffVisitor
    {
        var span = SpanOf(level);
        for (var bits = slots & (first.Bitmap | second.Bitmap); bits != 0; bits &= bits - 1)
        {
            var slot = BitOperations.TrailingZeroCount(bits);
            var start = baseIndex + (slot * span);
            if (start + span <= fromIndex)
            {
                continue;
            }

            var bit = 1UL << slot;
            var a = (first.Bitmap & bit) != 0 ? first.PositionOf(slot) : -1;
            var b = (second.Bitmap & bit) != 0 ? second.PositionOf(slot) : -1;
            if (!(a >= 0 && b >= 0 && Same(level, first, a, second, b, byWrite))
                && !DiffChild(nodes, level, a >= 0 ? first : null, a, b >= 0 ? second : null, b, start, fromIndex, ref visit, byWrite))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Two nodes with the same occupied slots: their dense child arrays line up, so a
    /// vectorized compare jumps straight from one differing child to the next.
    /// </summary>
    private static bool DiffAligned<TVisitor>(INodeSource nodes, int level, BlockMapNode first, BlockMapNode second, long baseIndex, long fromIndex, ref TVisitor visit, bool byWrite)
        where TVisitor : struct, IDiffVisitor
    {
        var span = SpanOf(level);
        var a = MemoryMarshal.AsBytes(first.Children.AsSpan());
        var b = MemoryMarshal.AsBytes(second.Children.AsSpan());
        var position = 0;
        while (true)
        {
            if (byWrite && level == 0 && (first.Generations is not null || second.Generations is not null))
            {
                // Equal chunks may still differ by write: compare entry by entry.
                while (position < first.Children.Length && Same(level, first, position, second, position, byWrite))
                {
                    position++;
                }
            }
            else
            {
                position += a[(position * 16)..].CommonPrefixLength(b[(position * 16)..]) / 16;
            }

            if (position >= first.Children.Length)
            {
                return true;
            }

            var start = baseIndex + (SlotAt(first.Bitmap, position) * span);
            if (start + span > fromIndex && !DiffChild(nodes, level, first, position, second, position, start, fromIndex, ref visit, byWrite))
            {
                return false;
            }

            position++;
        }
    }

    /// <summary>Whether the two children hold the same: equal ids, and at the leaves, when <paramref name="byWrite"/>, equal write generations.</summary>
    private static bool Same(int level, BlockMapNode first, int a, BlockMapNode second, int b, bool byWrite)
        => first.Children[a] == second.Children[b] && (!byWrite || level != 0 || first.GenerationAt(a) == second.GenerationAt(b));

    /// <summary>Gets the slot of the <paramref name="position"/>-th occupied slot of a bitmap.</summary>
    private static int SlotAt(ulong bitmap, int position)
    {
        if (Bmi2.X64.IsSupported)
        {
            return BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << position, bitmap));
        }

        for (var k = 0; k < position; k++)
        {
            bitmap &= bitmap - 1;
        }

        return BitOperations.TrailingZeroCount(bitmap);
    }

    private static bool DiffChild<TVisitor>(INodeSource nodes, int level, BlockMapNode? first, int a, BlockMapNode? second, int b, long start, long fromIndex, ref TVisitor visit, bool byWrite)
        where TVisitor : struct, IDiffVisitor
        => level == 0
            ? visit.Visit(start, first is null ? null : new ChunkId(first.Children[a]), second is null ? null : new ChunkId(second.Children[b]))
            : DiffNodes(nodes, level - 1, first?.ChildAt(a, nodes), second?.ChildAt(b, nodes), start, fromIndex, ref visit, byWrite);

    /// <summary>Visits the edits from <paramref name="fromIndex"/> on that change what the diff compares; with <paramref name="reversed"/>, the edits lead from the second map to the first.</summary>
    private static bool DiffLogged<TVisitor>(BlockEdit[] edits, bool reversed, long fromIndex, ref TVisitor visit, bool byWrite)
        where TVisitor : struct, IDiffVisitor
    {
        // The first edit at or after fromIndex.
        int start = 0, end = edits.Length;
        while (start < end)
        {
            var middle = (start + end) >>> 1;
            (start, end) = edits[middle].Index < fromIndex ? (middle + 1, end) : (start, middle);
        }

        visit.Expect(edits.Length - start);
        foreach (ref readonly var edit in edits.AsSpan(start))
        {
            if ((byWrite ? edit.ChangesWrite : edit.ChangesContent)
                && !(reversed ? visit.Visit(edit.Index, edit.After, edit.Before) : visit.Visit(edit.Index, edit.Before, edit.After)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Calls a <see cref="DiffVisitor"/> delegate.</summary>
    private readonly struct DelegateVisitor(DiffVisitor visit) : IDiffVisitor
    {
        public void Expect(int count)
        {
        }

        public bool Visit(long index, ChunkId? first, ChunkId? second) => visit(index, first, second);
    }

    /// <summary>Collects the edits one <see cref="Apply"/> makes, for the <see cref="EditLog"/> of the root it builds.</summary>
    private sealed class EditRecorder(int rootLevel, int capacity)
    {
        // Every change is usually an edit: sized for all of them, the array becomes the log's as it is.
        private BlockEdit[] _edits = new BlockEdit[capacity];
        private int _count;

        /// <summary>Gets the level of the root, where the log is kept.</summary>
        public int RootLevel { get; } = rootLevel;

        public void Add(BlockEdit edit) => _edits[_count++] = edit;

        /// <summary>Gets the edits recorded, ascending by index.</summary>
        public BlockEdit[] Recorded()
        {
            if (_count < _edits.Length)
            {
                Array.Resize(ref _edits, _count);
            }

            return _edits;
        }
    }
}
