using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Chunks;

public sealed class ChunkTests
{
    [Fact]
    public void ChunkId_FormatAndParse_RoundTrip()
    {
        var id = new ChunkScope("111111111111", "us-east-1").Hash([1, 2, 3]);

        Assert.Equal(32, id.ToString().Length);
        Assert.Equal(id, ChunkId.Parse(id.ToString()));
        Assert.False(ChunkId.TryParse("xyz", out _));
        Assert.Throws<FormatException>(() => ChunkId.Parse("12"));
    }

    [Fact]
    public void ChunkScope_SameBytesOtherTenant_OtherId()
    {
        byte[] bytes = [1, 2, 3, 4];

        var a = new ChunkScope("111111111111", "us-east-1");
        var b = new ChunkScope("222222222222", "us-east-1");
        var c = new ChunkScope("111111111111", "eu-west-1");

        Assert.Equal(a.Hash(bytes), new ChunkScope("111111111111", "us-east-1").Hash(bytes));
        Assert.NotEqual(a.Hash(bytes), b.Hash(bytes));
        Assert.NotEqual(a.Hash(bytes), c.Hash(bytes));
        Assert.NotEqual(a.Hash(bytes), a.Hash(bytes, probe: 1));
    }

    [Fact]
    public async Task InMemoryChunkStore_PutReadDeleteReuse_Consistent()
    {
        var store = new InMemoryChunkStore(8);
        var one = new ChunkId(1);
        var two = new ChunkId(2);
        await store.PutAsync(one, new byte[] { 1, 1, 1, 1, 1, 1, 1, 1 });
        await store.PutAsync(one, new byte[] { 9, 9, 9, 9, 9, 9, 9, 9 }); // write-once: ignored

        var buffer = new byte[8];
        Assert.True(await store.TryReadAsync(one, buffer));
        Assert.All(buffer, b => Assert.Equal(1, b));
        Assert.True(await store.DeleteAsync(one));
        Assert.False(await store.DeleteAsync(one));
        Assert.False(await store.TryReadAsync(one, buffer));
        await store.PutAsync(two, new byte[] { 2, 2, 2, 2, 2, 2, 2, 2 });
        Assert.True(await store.TryReadAsync(two, buffer));
        Assert.All(buffer, b => Assert.Equal(2, b));
        Assert.Equal([two], await ToListAsync(store.EnumerateAsync()));
        Assert.True(await store.ContainsAsync(two));
        Assert.Throws<ArgumentException>(() => store.PutAsync(one, new byte[7]).AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task InMemoryChunkStore_Disposed_EmptyAndANewStoreWorks()
    {
        var store = new InMemoryChunkStore(4096);
        await store.PutAsync(new ChunkId(1), TestCloud.Block(1));

        store.Dispose();
        using var next = new InMemoryChunkStore(4096);
        await next.PutAsync(new ChunkId(2), TestCloud.Block(2));

        Assert.Equal(0, store.Count);
        Assert.False(await store.TryReadAsync(new ChunkId(1), new byte[4096]));
        var back = new byte[4096];
        Assert.True(await next.TryReadAsync(new ChunkId(2), back));
        Assert.Equal(TestCloud.Block(2), back);
    }

    [Fact]
    public async Task WriteVolume_StoredChunkWithSameIdButOtherBytes_ProbesInsteadOfSharing()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var mine = TestCloud.Block(1);
        var planted = TestCloud.Block(2);
        var collidingId = new ChunkScope(TestCloud.Account, TestCloud.Region).Hash(mine);
        await t.Cloud.ChunkStore.PutAsync(collidingId, planted); // simulate a hash collision

        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, mine);

        Assert.Equal(mine, await t.ReadAsync(volume.VolumeId, 0, TestCloud.BlockSize));
        var report = await t.Cloud.ScrubAsync();
        Assert.Equal(collidingId, Assert.Single(report.LeakedChunks));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
