using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.BlockMaps;

/// <summary>
/// A random lineage of block maps for the diff tests: a map of many written blocks, then a map per
/// snapshot, each made by several edit calls of one writer (as PutSnapshotBlock makes them): blocks
/// written again, new ones, trims, and now and then a mixed batch of several writers.
/// </summary>
/// <param name="SmallRange">The block range half the lineages keep to (the others spread over the whole map).</param>
/// <param name="Blocks">How many block indexes the first map draws.</param>
/// <param name="FirstChunks">How many distinct chunks the first map's blocks draw from.</param>
/// <param name="Snapshots">The write generation after the last snapshot's: snapshots 2 to this, exclusive.</param>
/// <param name="MaxCalls">The bound (exclusive) of edit calls per snapshot.</param>
/// <param name="MaxEdits">The bound (exclusive) of blocks per call.</param>
/// <param name="RewriteOneIn">One edit in this many rewrites a block of the first map.</param>
/// <param name="TrimOneIn">One edit in this many trims its block.</param>
/// <param name="MixedOneIn">One call in this many is a mixed batch.</param>
/// <param name="EditChunks">How many distinct chunks the edits draw from.</param>
internal sealed record RandomLineage(long SmallRange, int Blocks, int FirstChunks, ulong Snapshots, int MaxCalls, int MaxEdits, int RewriteOneIn, int TrimOneIn, int MixedOneIn, int EditChunks)
{
    /// <summary>Gets the map the lineages are made in: 64 TiB of 512-KiB blocks.</summary>
    public static BlockMap Map { get; } = new(1L << 27);

    /// <summary>Makes a lineage in <paramref name="txn"/>.</summary>
    /// <returns>The root of each map, the first map's first; and the block range drawn from.</returns>
    public (List<NodeId?> Roots, long Range) Make(GraphTransaction txn, Random random)
    {
        var range = random.Next(2) == 0 ? SmallRange : Map.MaxBlocks;
        var indexes = Enumerable.Range(0, Blocks).Select(_ => random.NextInt64(range)).Distinct().Order().ToArray();
        NodeId? root = Map.Apply(txn, null, [.. indexes.Select(i => new BlockChange(i, Chunk(random.Next(FirstChunks)), 1))]);
        var roots = new List<NodeId?> { root };
        for (var snapshot = 2UL; snapshot < Snapshots; snapshot++)
        {
            for (var call = random.Next(1, MaxCalls); call > 0; call--)
            {
                var mixed = random.Next(MixedOneIn) == 0;
                var edits = Enumerable.Range(0, random.Next(1, MaxEdits))
                    .Select(_ => random.Next(RewriteOneIn) == 0 ? indexes[random.Next(indexes.Length)] : random.NextInt64(range))
                    .Distinct()
                    .Order()
                    .Select(i => new BlockChange(i, random.Next(TrimOneIn) == 0 ? null : Chunk(random.Next(EditChunks)), mixed ? (ulong)random.Next(1, 4) : snapshot))
                    .ToArray();
                root = Map.Apply(txn, root, edits);
            }

            roots.Add(root);
        }

        return (roots, range);
    }

    /// <summary>The blocks that differ between two maps from <paramref name="from"/> on, with each map's chunk, as <see cref="BlockMap.Diff"/> reports them.</summary>
    public static List<(long Index, ChunkId? First, ChunkId? Second)> Differences(INodeSource nodes, NodeId? first, NodeId? second, long from, bool byWrite)
    {
        var found = new List<(long, ChunkId?, ChunkId?)>();
        Map.Diff(nodes, first, second, from, (index, a, b) =>
        {
            found.Add((index, a, b));
            return true;
        }, byWrite);
        return found;
    }

    /// <summary>A chunk id made from a seed.</summary>
    public static ChunkId Chunk(int seed) => new(new UInt128((ulong)seed, (ulong)seed * 31));
}
