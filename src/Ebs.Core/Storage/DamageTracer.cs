using System.Collections.Immutable;
using System.Numerics;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>
/// Finds who uses damaged chunks: the blocks of each volume and snapshot that map to one, and
/// the images through the snapshots they map. Only subtrees holding a damaged chunk are
/// entered, so a few damaged chunks cost a walk of the nodes once, not once per root.
/// </summary>
internal sealed class DamageTracer
{
    private readonly ReferenceGraph _graph;
    private readonly IReadOnlySet<ChunkId> _damaged;
    private readonly Dictionary<NodeId, bool> _holdsDamage = [];

    private DamageTracer(ReferenceGraph graph, IReadOnlySet<ChunkId> damaged)
    {
        _graph = graph;
        _damaged = damaged;
    }

    public static ImmutableArray<DamagedUse> Trace(World world, ReferenceGraph graph, IReadOnlySet<ChunkId> damaged, int blockSize)
    {
        if (damaged.Count == 0)
        {
            return [];
        }

        var tracer = new DamageTracer(graph, damaged);
        var uses = ImmutableArray.CreateBuilder<DamagedUse>();
        foreach (var volume in world.Volumes.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal))
        {
            var blocks = tracer.DamagedBlocks(volume.BaseRoot).Where(b => !volume.Dirty.ContainsKey(b.Block))
                .Concat(volume.Dirty.Where(d => damaged.Contains(d.Value)).Select(d => (d.Key, d.Value)));
            uses.AddRange(UsesOf(volume.Id.Value, null, blocks, blockSize));
        }

        var bySnapshot = new Dictionary<SnapshotId, List<DamagedUse>>();
        foreach (var snapshot in world.Snapshots.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal))
        {
            var found = UsesOf(snapshot.Id.Value, null, tracer.DamagedBlocks(snapshot.Root), blockSize).ToList();
            bySnapshot[snapshot.Id] = found;
            uses.AddRange(found);
        }

        foreach (var image in world.Images.Values.OrderBy(i => i.Id.Value, StringComparer.Ordinal))
        {
            foreach (var mapping in image.View.BlockDeviceMappings)
            {
                foreach (var use in bySnapshot.GetValueOrDefault(mapping.Ebs.SnapshotId) ?? [])
                {
                    uses.Add(use with { ResourceId = image.Id.Value, SnapshotId = mapping.Ebs.SnapshotId.Value });
                }
            }
        }

        return uses.ToImmutable();
    }

    /// <summary>One use per damaged chunk, its blocks merged into byte ranges.</summary>
    private static IEnumerable<DamagedUse> UsesOf(string resourceId, string? snapshotId, IEnumerable<(long Block, ChunkId Chunk)> blocks, int blockSize)
        => blocks.GroupBy(b => b.Chunk).OrderBy(g => g.Key).Select(g => new DamagedUse(g.Key, resourceId, snapshotId, Merge(g.Select(b => b.Block), blockSize)));

    private static ImmutableArray<ByteRange> Merge(IEnumerable<long> blocks, int blockSize)
    {
        var ranges = ImmutableArray.CreateBuilder<ByteRange>();
        long start = -1, end = -1;
        foreach (var block in blocks.Order())
        {
            if (block != end)
            {
                if (start >= 0)
                {
                    ranges.Add(new ByteRange(start * blockSize, (end - start) * blockSize));
                }

                start = block;
            }

            end = block + 1;
        }

        if (start >= 0)
        {
            ranges.Add(new ByteRange(start * blockSize, (end - start) * blockSize));
        }

        return ranges.ToImmutable();
    }

    /// <summary>The blocks under <paramref name="root"/> that map to a damaged chunk; missing nodes are skipped (a scrub reports them).</summary>
    private IEnumerable<(long Block, ChunkId Chunk)> DamagedBlocks(NodeId? root)
    {
        if (root is not { } id || !_graph.TryGet(id, out var node) || !HoldsDamage(node!))
        {
            yield break;
        }

        var pending = new Stack<(BlockMapNode Node, long First)>([(node!, 0L)]);
        while (pending.TryPop(out var entry))
        {
            var k = 0;
            for (var bits = entry.Node.Bitmap; bits != 0; bits &= bits - 1, k++)
            {
                var first = entry.First + ((long)BitOperations.TrailingZeroCount(bits) << (entry.Node.Level * BlockMapNode.FanOutBits));
                var child = entry.Node.Children[k];
                if (entry.Node.IsLeaf)
                {
                    if (_damaged.Contains(new ChunkId(child)))
                    {
                        yield return (first, new ChunkId(child));
                    }
                }
                else if (_graph.TryGet(new NodeId(child), out var inner) && HoldsDamage(inner!))
                {
                    pending.Push((inner!, first));
                }
            }
        }
    }

    /// <summary>Tells whether a damaged chunk lies under <paramref name="node"/>, remembering the answer for every node visited.</summary>
    private bool HoldsDamage(BlockMapNode node)
    {
        if (_holdsDamage.TryGetValue(node.Id, out var known))
        {
            return known;
        }

        var holds = node.IsLeaf
            ? node.ChildChunks().Any(_damaged.Contains)
            : node.ChildNodes().Any(child => _graph.TryGet(child, out var inner) && HoldsDamage(inner!));
        _holdsDamage[node.Id] = holds;
        return holds;
    }
}
