using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>
/// Reference counts recomputed from the live roots: every volume's base map, lazy-load
/// source and written blocks, and every snapshot's map. Each reachable node is expanded once
/// and gives one reference per occurrence to each child; a node not kept yet is read from the
/// state store (see <see cref="ReferenceGraph"/>). These are the counts a cloud opens
/// with, and the ones a scrub checks the running counts against.
/// </summary>
/// <param name="NodeCounts">The count of every reachable node.</param>
/// <param name="ChunkCounts">The count of every reachable chunk.</param>
/// <param name="ExpandedNodes">The number of reachable nodes that were read.</param>
/// <param name="LostNodes">Reachable nodes that are not stored, or cannot be decoded: what lies under them is not counted.</param>
internal sealed record ReferenceCount(
    Dictionary<NodeId, long> NodeCounts,
    Dictionary<ChunkId, long> ChunkCounts,
    int ExpandedNodes,
    List<NodeId> LostNodes)
{
    /// <summary>Counts the references of <paramref name="world"/>'s roots through the nodes of <paramref name="graph"/>.</summary>
    public static ReferenceCount Of(World world, ReferenceGraph graph)
    {
        var nodeCounts = new Dictionary<NodeId, long>();
        var chunkCounts = new Dictionary<ChunkId, long>();
        var lost = new List<NodeId>();

        void Hold(NodeId? root)
        {
            if (root is { } id)
            {
                nodeCounts[id] = nodeCounts.GetValueOrDefault(id) + 1;
            }
        }

        foreach (var volume in world.Volumes.Values)
        {
            Hold(volume.BaseRoot);
            Hold(volume.LazyLoad?.SourceRoot);
            foreach (var chunk in volume.Dirty.Values)
            {
                chunkCounts[chunk] = chunkCounts.GetValueOrDefault(chunk) + 1;
            }
        }

        foreach (var snapshot in world.Snapshots.Values)
        {
            Hold(snapshot.Root);
        }

        var expanded = 0;
        foreach (var node in graph.Reachable([.. nodeCounts.Keys], lost))
        {
            expanded++;
            foreach (var child in node.ChildNodes())
            {
                nodeCounts[child] = nodeCounts.GetValueOrDefault(child) + 1;
            }

            foreach (var chunk in node.ChildChunks())
            {
                chunkCounts[chunk] = chunkCounts.GetValueOrDefault(chunk) + 1;
            }
        }

        return new ReferenceCount(nodeCounts, chunkCounts, expanded, lost);
    }
}
