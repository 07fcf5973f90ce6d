using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>Storage figures computed from the reference graph.</summary>
internal static class StorageAccounting
{
    /// <summary>Counts the distinct chunks reachable from the roots, visiting each shared node once.</summary>
    public static long DistinctChunks(ReferenceGraph graph, IEnumerable<NodeId?> roots)
    {
        var seenNodes = new HashSet<NodeId>();
        var chunks = new HashSet<ChunkId>();
        var pending = new Stack<NodeId>(roots.OfType<NodeId>());
        while (pending.TryPop(out var id))
        {
            if (!seenNodes.Add(id))
            {
                continue;
            }

            var node = graph.Get(id);
            foreach (var child in node.ChildNodes())
            {
                pending.Push(child);
            }

            chunks.UnionWith(node.ChildChunks());
        }

        return chunks.Count;
    }

    /// <summary>
    /// Counts the chunks that releasing <paramref name="root"/> once would free: walking down
    /// level by level, a node (or chunk) is exclusive when every one of its references comes
    /// from exclusive parents.
    /// </summary>
    public static long ExclusiveChunks(ReferenceGraph graph, NodeId? root)
    {
        if (root is not { } top || graph.CountOf(top) != 1)
        {
            return 0;
        }

        var level = new List<BlockMapNode> { graph.Get(top) };
        while (level.Count > 0 && !level[0].IsLeaf)
        {
            var refs = new Dictionary<NodeId, long>();
            foreach (var child in level.SelectMany(n => n.ChildNodes()))
            {
                refs[child] = refs.GetValueOrDefault(child) + 1;
            }

            level = [.. refs.Where(r => graph.CountOf(r.Key) == r.Value).Select(r => graph.Get(r.Key))];
        }

        var chunkRefs = new Dictionary<ChunkId, long>();
        foreach (var chunk in level.SelectMany(n => n.ChildChunks()))
        {
            chunkRefs[chunk] = chunkRefs.GetValueOrDefault(chunk) + 1;
        }

        return chunkRefs.Count(r => graph.CountOf(r.Key) == r.Value);
    }
}
