using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.BlockMaps;

public sealed class BlockMapTests
{
    private static readonly BlockMap Map = new(1L << 27); // 64 TiB of 512-KiB blocks

    [Fact]
    public void Levels_64TiBOf512KiBBlocks_Five() => Assert.Equal(5, Map.Levels);

    [Fact]
    public void Apply_SparseChanges_LookupAndEnumerateMatchDictionary()
    {
        var graph = new ReferenceGraph();
        var txn = graph.Begin();
        var model = new SortedDictionary<long, ChunkId>();
        var random = new Random(3);
        NodeId? root = null;
        for (var round = 0; round < 20; round++)
        {
            var changes = Enumerable.Range(0, 50)
                .Select(_ => random.NextInt64(Map.MaxBlocks))
                .Distinct()
                .Order()
                .Select(i => new BlockChange(i, random.Next(4) == 0 ? null : Chunk(random.Next())))
                .ToArray();
            foreach (var change in changes)
            {
                if (change.Chunk is { } c)
                {
                    model[change.Index] = c;
                }
                else
                {
                    model.Remove(change.Index);
                }
            }

            root = Map.Apply(txn, root, changes);
        }

        Assert.Equal(model.Select(p => (p.Key, p.Value)), Map.Enumerate(txn, root));
        Assert.Equal(model.Count, BlockMap.BlockCount(txn, root));
        foreach (var (index, chunk) in model.Take(100))
        {
            Assert.Equal(chunk, Map.Lookup(txn, root, index));
            Assert.Null(Map.Lookup(txn, root, index ^ 1) is { } other && !model.ContainsKey(index ^ 1) ? other : null);
        }
    }

    [Fact]
    public void Apply_SameContentTwice_SameRootAndNoChangeReturnsSameRoot()
    {
        var txn = new ReferenceGraph().Begin();
        BlockChange[] changes = [new(1, Chunk(1)), new(70_000, Chunk(2))];

        var a = Map.Apply(txn, null, changes);
        var b = Map.Apply(txn, Map.Apply(txn, null, [new(5, Chunk(9))]), [new(1, Chunk(1)), new(5, null), new(70_000, Chunk(2))]);

        Assert.Equal(a, b);
        Assert.Equal(a, Map.Apply(txn, a, [new(1, Chunk(1))]));
        Assert.Null(Map.Apply(txn, a, [new(1, null), new(70_000, null)]));
    }

    [Fact]
    public void Diff_TwoMaps_YieldsExactlyTheDifferingBlocksAscendingAndResumes()
    {
        var txn = new ReferenceGraph().Begin();
        var baseChanges = Enumerable.Range(0, 5000).Select(i => new BlockChange(i * 13L, Chunk(i))).ToArray();
        var first = Map.Apply(txn, null, baseChanges);
        BlockChange[] edits = [new(0, Chunk(-1)), new(13, null), new(14, Chunk(-2)), new(64_999, Chunk(-3)), new(100_000_000, Chunk(-4))];
        var second = Map.Apply(txn, first, edits);

        var diff = Map.Diff(txn, first, second).ToList();

        Assert.Equal(edits.Select(e => e.Index), diff.Select(d => d.Index));
        Assert.Equal((13L, Chunk(1), (ChunkId?)null), diff[1]);
        Assert.Equal([14L, 64_999, 100_000_000], Map.Diff(txn, first, second, fromIndex: 14).Select(d => d.Index));
        Assert.Empty(Map.Diff(txn, second, second));
        Assert.Equal(5000, Map.Diff(txn, null, first).Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Diff_RandomEdits_EqualsDictionaryComparisonFromAnyStart(int seed)
    {
        var random = new Random(seed);
        var txn = new ReferenceGraph().Begin();
        var range = random.Next(2) == 0 ? 5000L : Map.MaxBlocks;
        var a = new SortedDictionary<long, ChunkId>();
        while (a.Count < 3000)
        {
            a[random.NextInt64(range)] = Chunk(random.Next(50));
        }

        var b = new SortedDictionary<long, ChunkId>(a);
        var edits = new SortedDictionary<long, ChunkId?>();
        for (var i = 0; i < 200; i++)
        {
            var index = random.Next(3) == 0 ? a.Keys.ElementAt(random.Next(a.Count)) : random.NextInt64(range);
            edits[index] = random.Next(4) == 0 ? null : Chunk(random.Next(60));
        }

        foreach (var (index, chunk) in edits)
        {
            if (chunk is { } c)
            {
                b[index] = c;
            }
            else
            {
                b.Remove(index);
            }
        }

        var rootA = Map.Apply(txn, null, [.. a.Select(p => new BlockChange(p.Key, p.Value))]);
        var rootB = Map.Apply(txn, rootA, [.. edits.Select(p => new BlockChange(p.Key, p.Value))]);
        var from = random.NextInt64(range / 2);

        var expected = a.Keys.Union(b.Keys).Order()
            .Where(i => i >= from && a.GetValueOrDefault(i) != b.GetValueOrDefault(i));
        Assert.Equal(expected, Map.Diff(txn, rootA, rootB, from).Select(d => d.Index));
    }

    private static ChunkId Chunk(int n) => new((UInt128)(uint)n * 0x9E3779B97F4A7C15UL + 1);
}
