using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Storage;

/// <summary>
/// Mark-and-sweep from the live roots: the check behind the fast-path reference counts. It
/// reads every stored block-map node, reachable or not, so a node that cannot be decoded is
/// found even where no call has needed it since the store opened.
/// </summary>
internal static class Scrubber
{
    /// <summary>Collision probes tried when checking a chunk against its id; a writer needs a second only after a 128-bit hash collision.</summary>
    private const int MaxCheckedProbe = 3;

    public static async ValueTask<ScrubReport> RunAsync(CloudEngine engine, bool repair, bool verifyContents, bool force, CancellationToken cancellationToken)
    {
        var world = engine.World;
        var graph = engine.Graph;
        var (nodeCounts, chunkCounts, reachableNodes, lostNodes) = ReferenceCount.Of(world, graph);
        var (storedNodes, corruptNodes) = await engine.CheckStoredNodesAsync(cancellationToken).ConfigureAwait(false);
        var corruptSet = corruptNodes.ToHashSet();
        var missingNodes = lostNodes.Where(id => !corruptSet.Contains(id)).ToList();

        var stored = new HashSet<ChunkId>();
        await foreach (var id in engine.Chunks.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(id);
        }

        var corrupt = verifyContents ? await FindCorruptAsync(engine, stored, ScopesOf(engine, world, graph), cancellationToken).ConfigureAwait(false) : [];
        var leakedChunks = stored.Where(id => !chunkCounts.ContainsKey(id)).Order().ToList();
        var leakedNodes = storedNodes.Where(id => !nodeCounts.ContainsKey(id)).OrderBy(id => id.Value).ToList();
        var missingChunks = chunkCounts.Keys.Where(id => !stored.Contains(id)).Order().ToList();
        var refusal = repair && !force ? RepairRefusal(leakedChunks.Count, stored.Count, leakedNodes.Count, storedNodes.Count, lostNodes.Count) : null;
        repair &= refusal is null;
        var report = new ScrubReport
        {
            ReachableNodes = reachableNodes,
            ReachableChunks = chunkCounts.Count,
            StoredChunks = stored.Count,
            LeakedChunks = [.. leakedChunks],
            MissingChunks = [.. missingChunks],
            CorruptChunks = [.. corrupt.Order()],
            MiscountedChunks = [.. Miscounted(chunkCounts, graph.ChunkCounts).Order()],
            LeakedNodes = [.. leakedNodes],
            MissingNodes = [.. missingNodes.OrderBy(id => id.Value)],
            CorruptNodes = [.. corruptNodes.OrderBy(id => id.Value)],
            MiscountedNodes = [.. Miscounted(nodeCounts, graph.NodeCounts).OrderBy(id => id.Value)],
            Repaired = repair,
            RepairRefusal = refusal,
        };
        var (damagedUses, missingNodeUses) = DamageTracer.Trace(world, graph, new HashSet<ChunkId>(missingChunks.Concat(corrupt)), new HashSet<NodeId>(lostNodes), engine.BlockSize);
        report = report with { DamagedUses = damagedUses, MissingNodeUses = missingNodeUses };

        if (repair)
        {
            // Same order as any commit: the durable state first, then memory, then chunk
            // deletion. Counts are not stored (a cloud recounts them after opening), so only
            // leaked nodes have something durable to remove.
            await engine.CommitRepairAsync(new StateChanges { DeletedNodes = [.. leakedNodes] }).ConfigureAwait(false);
            graph.ResetCounts(nodeCounts, chunkCounts);
            foreach (var id in leakedNodes)
            {
                graph.RemoveUnreferencedNode(id);
            }

            // Only what was actually deleted counts as reclaimed: a file the store lists but
            // cannot delete under its id's name must not be reported gone.
            var reclaimed = new List<ChunkId>();
            foreach (var id in leakedChunks)
            {
                if (await engine.Chunks.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    reclaimed.Add(id);
                }
            }

            report = report with { ReclaimedChunks = [.. reclaimed], ReclaimedNodes = [.. leakedNodes] };
        }

        return report;
    }

    /// <summary>
    /// Why a repair must not run without force: a referenced node is missing or cannot be
    /// decoded, so the chunks and nodes under it look leaked; or it would reclaim more than
    /// <see cref="ScrubReport.RepairLimit"/> of the stored chunks or nodes, which is what a state
    /// that lost its records (emptied, replaced by an older copy) looks like, and also what the
    /// first call into an empty store leaves when it is killed. Nothing here tells the two apart
    /// (file times are not evidence: copies and restores change them), so the refusal says both.
    /// </summary>
    /// <returns><see langword="null"/> when the repair may run.</returns>
    private static string? RepairRefusal(int leakedChunks, int storedChunks, int leakedNodes, int storedNodes, int lostNodes)
    {
        if (lostNodes > 0)
        {
            return $"{Plural(lostNodes, "referenced block-map node")} {(lostNodes == 1 ? "is" : "are")} missing or corrupt, and the chunks and nodes under {(lostNodes == 1 ? "it" : "them")} would look leaked, so nothing was deleted; "
                + "force the repair only to give up what the lost nodes held";
        }

        static bool TooMany(int leaked, int stored) => leaked > stored * ScrubReport.RepairLimit;
        var parts = new List<string>(2);
        if (TooMany(leakedChunks, storedChunks))
        {
            parts.Add($"{leakedChunks} of {storedChunks} stored chunks");
        }

        if (TooMany(leakedNodes, storedNodes))
        {
            parts.Add($"{leakedNodes} of {storedNodes} block-map nodes");
        }

        return parts.Count == 0
            ? null
            : $"it would reclaim {string.Join(" and ", parts)}, more than {(int)(ScrubReport.RepairLimit * 100)}% of what is stored, so nothing was deleted. "
                + "If the last command was interrupted (killed, a power cut) in a store that held little else, these are its leftovers and forcing the repair reclaims them; "
                + "if the state was restored from an older backup or damaged, they hold the data of the records it lost: do not force, restore the state";
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// Reads every stored chunk: a chunk is corrupt when the store's own check fails, or when
    /// its bytes do not hash to its id in any scope whose volumes or snapshots use it. A sealed
    /// chunk (of encrypted data) is opened with its scope's data key first, so its GCM tag is
    /// checked and then its plaintext hashed: both the ciphertext and the id are verified. A chunk
    /// no live scope can open (unreferenced, or its KMS key deleted) gets the store's check only.
    /// </summary>
    private static async ValueTask<List<ChunkId>> FindCorruptAsync(CloudEngine engine, IEnumerable<ChunkId> stored, Dictionary<ChunkId, List<ChunkScope>> scopes, CancellationToken cancellationToken)
    {
        var corrupt = new List<ChunkId>();
        var buffer = new byte[engine.BlockSize];
        foreach (var id in stored)
        {
            try
            {
                var sound = scopes.TryGetValue(id, out var users)
                    ? await HashesInAnyAsync(engine, id, users, buffer, cancellationToken).ConfigureAwait(false)
                    : await PassesStoreCheckAsync(engine, id, cancellationToken).ConfigureAwait(false);
                if (!sound)
                {
                    corrupt.Add(id);
                }
            }
            catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
            {
                corrupt.Add(id);
            }
        }

        return corrupt;
    }

    /// <summary>Whether the chunk, read (and opened) in one of the scopes that use it, hashes to its id there; a chunk deleted meanwhile is not corrupt.</summary>
    private static async ValueTask<bool> HashesInAnyAsync(CloudEngine engine, ChunkId id, List<ChunkScope> users, byte[] buffer, CancellationToken cancellationToken)
    {
        foreach (var scope in users)
        {
            if (!await ChunkReader.TryReadAsync(engine.Chunks, scope, id, buffer, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (HashesTo(scope, buffer, id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the store's own check passes for a chunk no live scope uses, stored plain or sealed.</summary>
    private static async ValueTask<bool> PassesStoreCheckAsync(CloudEngine engine, ChunkId id, CancellationToken cancellationToken)
    {
        try
        {
            _ = await engine.Chunks.TryReadAsync(id, new byte[engine.BlockSize], cancellationToken).ConfigureAwait(false);
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
        {
            // Perhaps sealed: a few bytes longer.
            _ = await engine.Chunks.TryReadAsync(id, new byte[engine.BlockSize + SealedChunk.Overhead], cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Tells whether <paramref name="bytes"/> hash to <paramref name="id"/> in <paramref name="scope"/>, under any collision probe a writer could have used.</summary>
    private static bool HashesTo(ChunkScope scope, byte[] bytes, ChunkId id)
    {
        for (var probe = 0; probe <= MaxCheckedProbe; probe++)
        {
            if (scope.Hash(bytes, probe) == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scopes whose live volumes and snapshots reference each chunk.</summary>
    private static Dictionary<ChunkId, List<ChunkScope>> ScopesOf(CloudEngine engine, World world, ReferenceGraph graph)
    {
        var scopes = new Dictionary<ChunkId, List<ChunkScope>>();
        void Use(ChunkId chunk, ChunkScope scope)
        {
            if (!scopes.TryGetValue(chunk, out var list))
            {
                scopes[chunk] = list = new List<ChunkScope>(1);
            }

            if (!list.Contains(scope))
            {
                list.Add(scope);
            }
        }

        var roots = world.Volumes.Values
            .SelectMany(v => new[] { v.BaseRoot, v.LazyLoad?.SourceRoot }.Select(root => (Scope: engine.Keys.TryScopeOf(world, v.View.OwnerId, v.View.Region, v.View.KmsKeyId), Root: root)))
            .Concat(world.Snapshots.Values.Select(s => (Scope: engine.Keys.TryScopeOf(world, s.OwnerId, s.Region, s.KmsKeyId), Root: s.Root)));
        foreach (var group in roots.Where(r => r.Root is not null && r.Scope is not null).GroupBy(r => r.Scope!.Value, r => r.Root!.Value))
        {
            foreach (var chunk in graph.Reachable(group).SelectMany(node => node.ChildChunks()))
            {
                Use(chunk, group.Key);
            }
        }

        foreach (var volume in world.Volumes.Values)
        {
            if (engine.Keys.TryScopeOf(world, volume.View.OwnerId, volume.View.Region, volume.View.KmsKeyId) is not { } scope)
            {
                continue;
            }

            foreach (var chunk in volume.Dirty.Values)
            {
                Use(chunk, scope);
            }
        }

        return scopes;
    }

    private static IEnumerable<TId> Miscounted<TId>(Dictionary<TId, long> expected, IReadOnlyDictionary<TId, long> actual)
        where TId : notnull
        => expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key)
            .Concat(actual.Where(a => !expected.ContainsKey(a.Key)).Select(a => a.Key));
}
