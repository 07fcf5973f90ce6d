using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

using static Ebs.Core.Tests.BlockMaps.RandomLineage;

namespace Ebs.Core.Tests.BlockMaps;

/// <summary>
/// A node's provenance (the node it was edited from, the slots the edits touched): edits of one
/// writer accumulate on one base, another writer starts a new one, and a diff that uses it
/// answers exactly as the full comparison of nodes without it (as read from a store).
/// </summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void Apply_EditsOfOneWriter_AccumulateOnTheNodeTheyStartedFrom()
    {
        var txn = new ReferenceGraph().Begin();
        var first = Map.Apply(txn, null, [.. Enumerable.Range(0, 64).Select(i => new BlockChange(i, Chunk(i), 7))]);
        var second = Map.Apply(txn, first, [new(2, Chunk(2), 8)]);              // equal bytes, another write
        var third = Map.Apply(txn, second, [new(5, Chunk(-5), 8), new(4096, Chunk(-1), 8)]);
        var fourth = Map.Apply(txn, third, [new(6, Chunk(-6), 9)]);

        var firstLeaf = LeafOf(txn, first, 0);
        Assert.Equal(new Provenance(firstLeaf.Id, (1UL << 2) | (1UL << 5), 8), LeafOf(txn, third, 0).Provenance);
        Assert.Equal(new Provenance(null, 1, 8), LeafOf(txn, third, 4096).Provenance);         // a leaf built from nothing
        Assert.Equal(new Provenance(first, 1, 8), txn.Get(third!.Value).Provenance);             // the root: one slot below it edited
        Assert.Equal(new Provenance(LeafOf(txn, third, 0).Id, 1UL << 6, 9), LeafOf(txn, fourth, 0).Provenance);
        Assert.Equal([2L, 5, 4096], DiffByWrite(txn, first, third));
        Assert.Equal([2L, 5, 4096], DiffByWrite(txn, third, first));
        Assert.Equal([5L, 4096], Map.Diff(txn, first, third).Select(d => d.Index));            // by content, the rewrite is equal
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Diff_ChainOfEdits_SameAnswerAsNodesWithoutProvenance(int seed)
    {
        var random = new Random(seed);
        var txn = new ReferenceGraph().Begin();
        var (roots, range) = new RandomLineage(SmallRange: 20_000, Blocks: 3000, FirstChunks: 50, Snapshots: 6, MaxCalls: 4, MaxEdits: 120, RewriteOneIn: 3, TrimOneIn: 6, MixedOneIn: 5, EditChunks: 60).Make(txn, random);

        var stripped = StoredNodes.Of(txn);
        foreach (var first in roots)
        {
            foreach (var second in roots)
            {
                var from = random.Next(3) == 0 ? random.NextInt64(range) : 0;
                Assert.Equal(Differences(stripped, first, second, from, byWrite: true), Differences(txn, first, second, from, byWrite: true));
                Assert.Equal(Differences(stripped, first, second, from, byWrite: false), Differences(txn, first, second, from, byWrite: false));
            }
        }

        Assert.Null(stripped.Get(roots[^1]!.Value).Provenance);
    }

    private static List<long> DiffByWrite(INodeSource nodes, NodeId? first, NodeId? second)
        => [.. Differences(nodes, first, second, 0, byWrite: true).Select(d => d.Index)];

    private static BlockMapNode LeafOf(INodeSource nodes, NodeId? root, long index)
    {
        var node = nodes.Get(root!.Value);
        while (!node.IsLeaf)
        {
            node = node.ChildAt(node.PositionOf(BlockMapNode.SlotOf(index, node.Level)), nodes);
        }

        return node;
    }
}
