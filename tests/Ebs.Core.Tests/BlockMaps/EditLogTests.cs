using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

using static Ebs.Core.Tests.BlockMaps.RandomLineage;

namespace Ebs.Core.Tests.BlockMaps;

/// <summary>
/// The edit log a root keeps of the blocks its edits changed since another root: edits of one
/// writer accumulate into net edits, a diff of two maps joined by logs reads them instead of the
/// trees, and answers exactly as the tree walk of nodes without them (as read from a store),
/// for every pair of a lineage, from any index, and when a map between them is gone.
/// </summary>
public sealed class EditLogTests
{
    [Fact]
    public void Apply_EditsOfOneWriter_LogTheirNetEditsAgainstTheRootTheyStartedFrom()
    {
        var txn = new ReferenceGraph().Begin();
        var first = Map.Apply(txn, null, [.. Enumerable.Range(0, 10).Select(i => new BlockChange(i, Chunk(i), 1)), new(5000, Chunk(5000), 1)]);
        var second = Map.Apply(txn, first, [new(2, Chunk(2), 8), new(3, null, 8), new(20, Chunk(20), 8)]); // equal bytes, a trim, a new block
        var third = Map.Apply(txn, second, [new(4, Chunk(-4), 8), new(20, null, 8), new(5000, Chunk(-5000), 8)]); // block 20 trimmed back to nothing
        var fourth = Map.Apply(txn, third, [new(6, Chunk(-6), 9)]);

        Assert.Null(txn.Get(first!.Value).Edits);                                     // built from nothing
        var log = txn.Get(third!.Value).Edits!;
        Assert.Equal(first.Value, log.Base);
        Assert.Equal(6, log.Count);
        Assert.Equal(
            [(2L, Chunk(2), Chunk(2)), (3L, Chunk(3), null), (4L, Chunk(4), Chunk(-4)), (5000L, Chunk(5000), Chunk(-5000))],
            log.Edits.Select(e => (e.Index, e.Before, e.After)));
        var next = txn.Get(fourth!.Value).Edits!;
        Assert.Equal(third.Value, next.Base);                                          // another writer: a new base
        Assert.Equal([6L], next.Edits.Select(e => e.Index));
    }

    [Fact]
    public void Diff_MapAndTheOneItWasEditedFrom_ReadsNoNodeBelowTheRoots()
    {
        var txn = new ReferenceGraph().Begin();
        var first = Map.Apply(txn, null, [.. Enumerable.Range(0, 3000).Select(i => new BlockChange(i * 37L, Chunk(i), 1))]);
        var second = Map.Apply(txn, first, [new(37, Chunk(1), 2), new(74, null, 2), new(1_000_000, Chunk(7), 2)]);
        var counting = new CountingNodes(txn);

        var forward = Differences(counting, first, second, 0, byWrite: true);
        var backward = Differences(counting, second, first, 0, byWrite: true);

        Assert.Equal(4, counting.Gets);                                                 // the two roots, twice
        Assert.Equal([(37L, Chunk(1), Chunk(1)), (74L, Chunk(2), null), (1_000_000L, null, Chunk(7))], forward);
        Assert.Equal(forward.Select(d => (d.Index, d.Second, d.First)), backward);
        Assert.Equal([74L, 1_000_000], Differences(counting, first, second, 0, byWrite: false).Select(d => d.Index));
        Assert.Equal([1_000_000L], Differences(counting, first, second, 75, byWrite: true).Select(d => d.Index));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Diff_EveryPairOfALineage_SameAnswerAsTheTreeWalk(int seed)
    {
        var random = new Random(seed);
        var txn = new ReferenceGraph().Begin();

        // Rewrites with equal bytes, trims, writes undone, sometimes a mixed batch.
        var (roots, range) = new RandomLineage(SmallRange: 5_000, Blocks: 2000, FirstChunks: 40, Snapshots: 8, MaxCalls: 5, MaxEdits: 150, RewriteOneIn: 2, TrimOneIn: 5, MixedOneIn: 6, EditChunks: 50).Make(txn, random);

        // The first and last maps are joined by logs, through every call's root: the diff reads no other node.
        var counting = new CountingNodes(txn);
        Differences(counting, roots[0], roots[^1], 0, byWrite: true);
        Assert.Equal(2, counting.Gets);

        // A map between others is gone (a snapshot deleted): pairs across it take the tree walk.
        var gone = roots[random.Next(1, roots.Count - 1)]!.Value;
        var nodes = new WithoutNode(txn, gone);
        var stripped = StoredNodes.Of(txn);
        foreach (var first in roots)
        {
            foreach (var second in roots)
            {
                var from = random.Next(3) == 0 ? random.NextInt64(range) : 0;
                Assert.Equal(Differences(stripped, first, second, from, byWrite: true), Differences(txn, first, second, from, byWrite: true));
                Assert.Equal(Differences(stripped, first, second, from, byWrite: false), Differences(txn, first, second, from, byWrite: false));
                if (first != gone && second != gone)
                {
                    Assert.Equal(Differences(stripped, first, second, from, byWrite: true), Differences(nodes, first, second, from, byWrite: true));
                }
            }
        }
    }

    /// <summary>Counts the nodes a diff gets.</summary>
    private sealed class CountingNodes(INodeSource source) : INodeSource
    {
        public int Gets { get; private set; }

        public BlockMapNode Get(NodeId id)
        {
            Gets++;
            return source.Get(id);
        }

        public bool TryGet(NodeId id, out BlockMapNode? node) => source.TryGet(id, out node);

        public BlockMapNode Intern(BlockMapNode node) => throw new InvalidOperationException("Read only.");
    }

    /// <summary>The nodes of a source but one, as when a snapshot between two others is deleted.</summary>
    private sealed class WithoutNode(INodeSource source, NodeId gone) : INodeSource
    {
        public BlockMapNode Get(NodeId id) => id == gone ? throw new StaleReadException($"Node {id} is gone.") : source.Get(id);

        public bool TryGet(NodeId id, out BlockMapNode? node)
        {
            node = null;
            return id != gone && source.TryGet(id, out node);
        }

        public BlockMapNode Intern(BlockMapNode node) => throw new InvalidOperationException("Read only.");
    }
}
