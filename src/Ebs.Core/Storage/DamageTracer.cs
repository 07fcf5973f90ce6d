using System.Collections.Immutable;
using System.Numerics;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>
/// Finds who uses damaged chunks and missing block-map nodes: the blocks of each volume and
/// snapshot that map to a damaged chunk or lie under a missing node, and the images through
/// the snapshots they map. Only subtrees holding damage are entered, so a few damaged chunks
/// cost a walk of the nodes once, not once per root.
/// </summary>
internal sealed class DamageTracer
{
    private readonly ReferenceGraph _graph;
    private readonly IReadOnlySet<ChunkId> _damaged;
    private readonly IReadOnlySet<NodeId> _missing;
    private readonly Dictionary<NodeId, bool> _holdsDamage = [];

    private DamageTracer(ReferenceGraph graph, IReadOnlySet<ChunkId> damaged, IReadOnlySet<NodeId> missing)
    {
        _graph = graph;
        _damaged = damaged;
        _missing = missing;
    }

    public static (ImmutableArray<DamagedUse> Chunks, ImmutableArray<MissingNodeUse> Nodes) Trace(World world, ReferenceGraph graph, IReadOnlySet<ChunkId> damaged, IReadOnlySet<NodeId> missing, int blockSize)
    {
        if (damaged.Count == 0 && missing.Count == 0)
        {
            return ([], []);
        }

        var tracer = new DamageTracer(graph, damaged, missing);
        var uses = new List<Use>();
        foreach (var volume in world.Volumes.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal))
        {
            // A block written since the last snapshot overrides the map; a missing node's whole run is reported, since what it held is unknown.
            var hits = tracer.Hits(volume.BaseRoot, volume.View.SizeInBytes / blockSize).Where(h => h.Node is not null || !volume.Dirty.ContainsKey(h.First))
                .Concat(volume.Dirty.Where(d => damaged.Contains(d.Value)).Select(d => new Hit(d.Key, 1, d.Value, null)));
            uses.AddRange(UsesOf(volume.Id.Value, hits, volume.View.SizeInBytes / blockSize, blockSize));
        }

        var bySnapshot = new Dictionary<SnapshotId, List<Use>>();
        foreach (var snapshot in world.Snapshots.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal))
        {
            var blocks = ((long)snapshot.VolumeSizeGiB << 30) / blockSize;
            var found = UsesOf(snapshot.Id.Value, tracer.Hits(snapshot.Root, blocks), blocks, blockSize).ToList();
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

        return (
            [.. uses.Where(u => u.Chunk is not null).Select(u => new DamagedUse(u.Chunk!.Value, u.ResourceId, u.SnapshotId, u.Ranges))],
            [.. uses.Where(u => u.Node is not null).Select(u => new MissingNodeUse(u.Node!.Value, u.ResourceId, u.SnapshotId, u.Ranges))]);
    }

    /// <summary>One use per damaged chunk or missing node, its runs merged into byte ranges within the resource's <paramref name="blocks"/>.</summary>
    private static IEnumerable<Use> UsesOf(string resourceId, IEnumerable<Hit> hits, long blocks, int blockSize)
    {
        var list = hits.ToList();
        return list.Where(h => h.Chunk is not null).GroupBy(h => h.Chunk!.Value).OrderBy(g => g.Key)
                .Select(g => new Use(g.Key, null, resourceId, null, Merge(g, blocks, blockSize)))
            .Concat(list.Where(h => h.Node is not null).GroupBy(h => h.Node!.Value).OrderBy(g => g.Key.Value)
                .Select(g => new Use(null, g.Key, resourceId, null, Merge(g, blocks, blockSize))));
    }

    private static ImmutableArray<ByteRange> Merge(IEnumerable<Hit> hits, long blocks, int blockSize)
    {
        var ranges = ImmutableArray.CreateBuilder<ByteRange>();
        long start = -1, end = -1;
        foreach (var hit in hits.Where(h => h.First < blocks).OrderBy(h => h.First))
        {
            if (hit.First != end)
            {
                if (start >= 0)
                {
                    ranges.Add(new ByteRange(start * blockSize, (end - start) * blockSize));
                }

                start = hit.First;
            }

            end = Math.Min(hit.First + hit.Blocks, blocks);
        }

        if (start >= 0)
        {
            ranges.Add(new ByteRange(start * blockSize, (end - start) * blockSize));
        }

        return ranges.ToImmutable();
    }

    /// <summary>The runs under <paramref name="root"/> that map to a damaged chunk or lie under a missing node (a missing root covers all <paramref name="blocks"/>).</summary>
    private IEnumerable<Hit> Hits(NodeId? root, long blocks)
    {
        if (root is not { } id)
        {
            yield break;
        }

        if (_missing.Contains(id))
        {
            yield return new Hit(0, blocks, null, id);
            yield break;
        }

        if (!_graph.TryGet(id, out var node) || !HoldsDamage(node!))
        {
            yield break;
        }

        var pending = new Stack<(BlockMapNode Node, long First)>([(node!, 0L)]);
        while (pending.TryPop(out var entry))
        {
            var k = 0;
            var span = 1L << (entry.Node.Level * BlockMapNode.FanOutBits);
            for (var bits = entry.Node.Bitmap; bits != 0; bits &= bits - 1, k++)
            {
                var first = entry.First + (BitOperations.TrailingZeroCount(bits) * span);
                var child = entry.Node.Children[k];
                if (entry.Node.IsLeaf)
                {
                    if (_damaged.Contains(new ChunkId(child)))
                    {
                        yield return new Hit(first, 1, new ChunkId(child), null);
                    }
                }
                else if (_missing.Contains(new NodeId(child)))
                {
                    yield return new Hit(first, span, null, new NodeId(child));
                }
                else if (_graph.TryGet(new NodeId(child), out var inner) && HoldsDamage(inner!))
                {
                    pending.Push((inner!, first));
                }
            }
        }
    }

    /// <summary>Tells whether a damaged chunk or a missing node lies under <paramref name="node"/>, remembering the answer for every node visited.</summary>
    private bool HoldsDamage(BlockMapNode node)
    {
        if (_holdsDamage.TryGetValue(node.Id, out var known))
        {
            return known;
        }

        var holds = node.IsLeaf
            ? node.ChildChunks().Any(_damaged.Contains)
            : node.ChildNodes().Any(child => _missing.Contains(child) || (_graph.TryGet(child, out var inner) && HoldsDamage(inner!)));
        _holdsDamage[node.Id] = holds;
        return holds;
    }

    /// <summary>A run of <see cref="Blocks"/> blocks from <see cref="First"/> mapped to a damaged chunk, or under a missing node.</summary>
    private readonly record struct Hit(long First, long Blocks, ChunkId? Chunk, NodeId? Node);

    /// <summary>A resource's loss through one damaged chunk or missing node.</summary>
    private sealed record Use(ChunkId? Chunk, NodeId? Node, string ResourceId, string? SnapshotId, ImmutableArray<ByteRange> Ranges);
}
