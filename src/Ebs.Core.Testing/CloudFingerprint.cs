using Ebs.Core.Chunks;

namespace Ebs.Core.Testing;

/// <summary>Everything a refused call must leave untouched: the published world, every count, every stored chunk.</summary>
internal sealed record CloudFingerprint(object World, string NodeCounts, string ChunkCounts, string StoredChunks)
{
    public static async Task<CloudFingerprint> TakeAsync(EbsCloud cloud)
    {
        var stored = new List<ChunkId>();
        await foreach (var id in cloud.ChunkStore.EnumerateAsync().ConfigureAwait(false))
        {
            stored.Add(id);
        }

        // A cloud just opened on a store derives its counts with its first change (refused or
        // not); derive them now, so that they are compared rather than missing before the call.
        var graph = cloud.Engine.Graph;
        if (!graph.IsCounted)
        {
            await cloud.Engine.ExclusiveAsync(() => ValueTask.FromResult(true), CancellationToken.None).ConfigureAwait(false);
        }

        return new CloudFingerprint(
            cloud.Engine.World,
            string.Join(',', graph.NodeCounts.OrderBy(p => p.Key.Value).Select(p => $"{p.Key}={p.Value}")),
            string.Join(',', graph.ChunkCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")),
            string.Join(',', stored.Order()));
    }

    /// <summary>Whether nothing differs: the same world instance (an unchanged world is never rebuilt) and equal counts and chunks.</summary>
    public bool Matches(CloudFingerprint after) => ReferenceEquals(World, after.World) && Equals(this with { World = after.World }, after);
}
