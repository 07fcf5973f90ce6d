using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Services;

namespace Ebs.Core.Storage;

/// <summary>Mark-and-sweep from the live roots: the check behind the fast-path reference counts.</summary>
internal static class Scrubber
{
    public static async ValueTask<ScrubReport> RunAsync(CloudEngine engine, bool repair, bool verifyContents, CancellationToken cancellationToken)
    {
        var world = engine.World;
        var graph = engine.Graph;
        var nodeCounts = new Dictionary<NodeId, long>();
        var chunkCounts = new Dictionary<ChunkId, long>();
        var missingNodes = new List<NodeId>();

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

        // Each reachable node is expanded once; its children gain one reference per occurrence.
        var pending = new Stack<NodeId>(nodeCounts.Keys);
        var expanded = new HashSet<NodeId>();
        while (pending.TryPop(out var id))
        {
            if (!expanded.Add(id))
            {
                continue;
            }

            if (!graph.TryGet(id, out var node))
            {
                missingNodes.Add(id);
                continue;
            }

            foreach (var child in node!.ChildNodes())
            {
                nodeCounts[child] = nodeCounts.GetValueOrDefault(child) + 1;
                pending.Push(child);
            }

            foreach (var chunk in node.ChildChunks())
            {
                chunkCounts[chunk] = chunkCounts.GetValueOrDefault(chunk) + 1;
            }
        }

        var stored = new HashSet<ChunkId>();
        await foreach (var id in engine.Chunks.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(id);
        }

        var corrupt = verifyContents ? await FindCorruptAsync(engine, stored, cancellationToken).ConfigureAwait(false) : [];
        var leakedChunks = stored.Where(id => !chunkCounts.ContainsKey(id)).Order().ToList();
        var leakedNodes = graph.NodeIds.Where(id => !nodeCounts.ContainsKey(id)).OrderBy(id => id.Value).ToList();
        var report = new ScrubReport
        {
            ReachableNodes = expanded.Count - missingNodes.Count,
            ReachableChunks = chunkCounts.Count,
            StoredChunks = stored.Count,
            LeakedChunks = [.. leakedChunks],
            MissingChunks = [.. chunkCounts.Keys.Where(id => !stored.Contains(id)).Order()],
            CorruptChunks = [.. corrupt.Order()],
            MiscountedChunks = [.. Miscounted(chunkCounts, graph.ChunkCounts).Order()],
            LeakedNodes = [.. leakedNodes],
            MissingNodes = [.. missingNodes.OrderBy(id => id.Value)],
            MiscountedNodes = [.. Miscounted(nodeCounts, graph.NodeCounts).OrderBy(id => id.Value)],
            Repaired = repair,
        };

        if (repair)
        {
            // Same order as any commit: durable counts first, then memory, then chunk deletion.
            await engine.CommitRepairAsync(new StateChanges
            {
                NodeCounts = [.. report.MiscountedNodes.Concat(report.LeakedNodes).Distinct().Select(id => (id, nodeCounts.GetValueOrDefault(id)))],
                ChunkCounts = [.. report.MiscountedChunks.Select(id => (id, chunkCounts.GetValueOrDefault(id)))],
            }).ConfigureAwait(false);
            graph.ResetCounts(nodeCounts, chunkCounts);
            foreach (var id in leakedNodes)
            {
                graph.RemoveUnreferencedNode(id);
            }

            foreach (var id in leakedChunks)
            {
                await engine.Chunks.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }

        return report;
    }

    private static async ValueTask<List<ChunkId>> FindCorruptAsync(CloudEngine engine, IEnumerable<ChunkId> stored, CancellationToken cancellationToken)
    {
        var corrupt = new List<ChunkId>();
        var buffer = new byte[engine.BlockSize];
        foreach (var id in stored)
        {
            try
            {
                await engine.Chunks.TryReadAsync(id, buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
            {
                corrupt.Add(id);
            }
        }

        return corrupt;
    }

    private static IEnumerable<TId> Miscounted<TId>(Dictionary<TId, long> expected, IReadOnlyDictionary<TId, long> actual)
        where TId : notnull
        => expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key)
            .Concat(actual.Where(a => !expected.ContainsKey(a.Key)).Select(a => a.Key));
}
