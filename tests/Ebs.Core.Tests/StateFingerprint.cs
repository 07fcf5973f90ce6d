using Ebs.Core.Chunks;

namespace Ebs.Core.Tests;

/// <summary>Everything a failed call must leave untouched: the published world, every count, every stored chunk.</summary>
public sealed record StateFingerprint(object World, string NodeCounts, string ChunkCounts, string StoredChunks)
{
    public static async Task<StateFingerprint> TakeAsync(EbsCloud cloud)
    {
        var stored = new List<ChunkId>();
        await foreach (var id in cloud.ChunkStore.EnumerateAsync())
        {
            stored.Add(id);
        }

        var graph = cloud.Engine.Graph;
        return new StateFingerprint(
            cloud.Engine.World,
            string.Join(',', graph.NodeCounts.OrderBy(p => p.Key.Value).Select(p => $"{p.Key}={p.Value}")),
            string.Join(',', graph.ChunkCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")),
            string.Join(',', stored.Order()));
    }

    public static async Task AssertUnchangedAsync(EbsCloud cloud, Func<Task> call, string expectedCode)
    {
        var before = await TakeAsync(cloud);
        var error = await Assert.ThrowsAsync<EbsException>(call);
        Assert.Equal(expectedCode, error.ErrorCode);
        var after = await TakeAsync(cloud);
        Assert.Same(before.World, after.World);
        Assert.Equal(before, after);
    }
}
