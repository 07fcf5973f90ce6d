using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.BlockMaps;

/// <summary>Write generations in block-map leaves: a diff by write sees equal-bytes rewrites, a diff by content does not, and leaves without generations keep their stored form.</summary>
public sealed class WriteGenerationTests
{
    private static readonly BlockMap Map = new(1L << 27); // 64 TiB of 512-KiB blocks

    [Fact]
    public void Diff_SameChunkOtherGeneration_ChangedByWriteNotByContent()
    {
        var txn = new ReferenceGraph().Begin();
        var first = Map.Apply(txn, null, [new(1, Chunk(1), 7), new(2, Chunk(2), 7), new(900_000, Chunk(3), 7)]);
        var second = Map.Apply(txn, first, [new(2, Chunk(2), 8)]);

        Assert.NotEqual(first, second);
        Assert.Empty(Map.Diff(txn, first, second));
        var byWrite = new List<long>();
        Map.Diff(txn, first, second, 0, (index, _, _) =>
        {
            byWrite.Add(index);
            return true;
        }, byWrite: true);
        Assert.Equal([2L], byWrite);
        Assert.Equal((Chunk(2), 8UL), Map.LookupEntry(txn, second, 2));
    }

    [Fact]
    public void Codec_LeafWithoutGenerations_StoredAsBeforeAndLeafWithThemRoundTrips()
    {
        var txn = new ReferenceGraph().Begin();
        var plain = txn.Get(Map.Apply(txn, null, [new(1, Chunk(1)), new(2, Chunk(2))])!.Value);
        var stamped = txn.Get(Map.Apply(txn, null, [new(1, Chunk(1), 5), new(2, Chunk(2))])!.Value);
        var plainLeaf = Leaf(txn, plain);
        var stampedLeaf = Leaf(txn, stamped);

        Assert.Null(plainLeaf.Generations);
        Assert.Equal(1 + 8 + 8 + (2 * 16), StateCodec.Encode(plainLeaf).Length);
        Assert.Equal(1 + 8 + 8 + (2 * (16 + 8)), StateCodec.Encode(stampedLeaf).Length);
        Assert.NotEqual(plainLeaf.Id, stampedLeaf.Id);
        Assert.Equal(plainLeaf.Id, StateCodec.DecodeNode(plainLeaf.Id, StateCodec.Encode(plainLeaf)).Id);
        var decoded = StateCodec.DecodeNode(stampedLeaf.Id, StateCodec.Encode(stampedLeaf));
        Assert.Equal([5UL, 0UL], decoded.Generations!);
    }

    private static BlockMapNode Leaf(INodeSource nodes, BlockMapNode node)
    {
        while (!node.IsLeaf)
        {
            node = node.ChildAt(0, nodes);
        }

        return node;
    }

    private static ChunkId Chunk(int seed) => new(new UInt128((ulong)seed, (ulong)seed * 31));
}
