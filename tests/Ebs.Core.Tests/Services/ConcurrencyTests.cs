using Ebs.Core.Chunks;
using Ebs.Core.Storage;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class ConcurrencyTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task ManyThreads_WriteSnapshotReadDelete_EveryVolumeExactAndScrubClean()
    {
        await using var t = new TestCloud();
        var volumes = new List<Ebs.Core.Domain.Volume>();
        for (var i = 0; i < 4; i++)
        {
            volumes.Add(await t.CreateVolumeAsync());
        }

        // Every worker writes shared content too, so dedup races with deletion of the same chunks.
        var workers = volumes.Select((volume, worker) => Task.Run(async () =>
        {
            for (var round = 0; round < 30; round++)
            {
                var block = round % 8;
                await t.Ec2.WriteAtAsync(volume.VolumeId, block * B, TestCloud.Block(round % 3 == 0 ? 7 : (worker * 1000) + round));
                if (round % 5 == 0)
                {
                    t.Time.Advance(TimeSpan.FromMinutes(1)); // let earlier snapshots complete
                    var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
                    var reader = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);
                    Assert.NotEmpty((await reader.ListChangedBlocksAsync(new() { SecondSnapshotId = snapshot.SnapshotId })).ChangedBlocks);
                    if (round % 10 == 0)
                    {
                        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
                    }
                }

                var back = await t.ReadAsync(volume.VolumeId, block * B, B);
                Assert.Equal(TestCloud.Block(round % 3 == 0 ? 7 : (worker * 1000) + round), back);
            }
        })).ToList();
        await Task.WhenAll(workers);

        var report = await t.Cloud.ScrubAsync();
        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(12, (await t.Ec2.ListSnapshotsAsync()).Count);
    }

    [Fact]
    public async Task ListChangedBlocks_Paginated_AscendingAndComplete()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 30), seedBase: 0);
        var a = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        long[] changed = [.. Enumerable.Range(0, 250).Select(i => (7L * i) + 1)]; // within A's blocks and past them
        await t.WriteBlocksAsync(volume.VolumeId, changed.Select(c => (int)c), seedBase: 500);
        var b = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var direct = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

        var request = new ListChangedBlocksRequest { FirstSnapshotId = a.SnapshotId, SecondSnapshotId = b.SnapshotId, MaxResults = EbsDirectClient.MinResultsLimit };
        var first = await direct.ListChangedBlocksAsync(request);
        var second = await direct.ListChangedBlocksAsync(request with { NextToken = first.NextToken });
        var third = await direct.ListChangedBlocksAsync(request with { NextToken = second.NextToken });

        Assert.Equal(changed[..100], first.ChangedBlocks.Select(c => c.BlockIndex));
        Assert.Equal(changed[100..200], second.ChangedBlocks.Select(c => c.BlockIndex));
        Assert.Equal(changed[200..], third.ChangedBlocks.Select(c => c.BlockIndex));
        Assert.Null(third.NextToken);
        Assert.Equal(changed, await direct.Paginators.ListChangedBlocks(request).ChangedBlocks.Select(c => c.BlockIndex).ToListAsync());
        Assert.Equal(B, first.BlockSize);
        Assert.Equal(30, (await direct.ListChangedBlocksAsync(new() { SecondSnapshotId = a.SnapshotId })).ChangedBlocks.Length);
    }

    [Fact]
    public async Task ConcurrentWritesToPartsOfOneBlock_NoneIsLost()
    {
        // Slow puts widen the window between reading a block and committing its merge.
        using var chunks = new InMemoryChunkStore(B);
        await using var cloud = new EbsCloud(new EbsOptions { BlockSize = B }, chunkStore: new SlowPuts(chunks));
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
        const int Parts = 16;
        const int Part = B / Parts;

        // Each writer owns one slice of the same two blocks (the slices straddle no block edge).
        await Task.WhenAll(Enumerable.Range(0, Parts).Select(part => Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                await ec2.WriteAtAsync(volume.Volume.VolumeId, (part * Part) + 1, Enumerable.Repeat((byte)(part + 1), Part - 2).ToArray());
                await ec2.WriteAtAsync(volume.Volume.VolumeId, B + (part * Part) + 1, Enumerable.Repeat((byte)(part + 101), Part - 2).ToArray());
            }
        })));

        var back = new byte[2 * B];
        await ec2.ReadAtAsync(volume.Volume.VolumeId, 0, back);
        for (var part = 0; part < Parts; part++)
        {
            Assert.All(back.AsSpan((part * Part) + 1, Part - 2).ToArray(), b => Assert.Equal(part + 1, b));
            Assert.All(back.AsSpan(B + (part * Part) + 1, Part - 2).ToArray(), b => Assert.Equal(part + 101, b));
        }
    }

    [Fact]
    public async Task WriteWhoseStoreFailsPartWay_LeavesNoChunkBehind()
    {
        using var chunks = new InMemoryChunkStore(B);
        await using var cloud = new EbsCloud(new EbsOptions { BlockSize = B }, chunkStore: new SlowPuts(chunks, failAt: 20));
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
        var data = new byte[32 * B]; // stored in parallel; the 20th put fails
        new Random(3).NextBytes(data);

        await Assert.ThrowsAsync<IOException>(() => ec2.WriteAtAsync(volume.Volume.VolumeId, 0, data).AsTask());

        Assert.Equal(0, chunks.Count);
        Assert.True((await cloud.ScrubAsync()).IsClean);
    }

    private sealed class SlowPuts(IChunkStore inner, int failAt = 0) : IChunkStore
    {
        private int _puts;

        public async ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            await Task.Delay(1, cancellationToken);
            if (Interlocked.Increment(ref _puts) == failAt)
            {
                throw new IOException("Injected put failure.");
            }

            await inner.PutAsync(id, data, cancellationToken);
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => inner.RepairAsync(id, data, cancellationToken);

        public ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default) => inner.TryReadAsync(id, destination, cancellationToken);

        public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default) => inner.ContainsAsync(id, cancellationToken);

        public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default) => inner.DeleteAsync(id, cancellationToken);

        public IAsyncEnumerable<ChunkId> EnumerateAsync(CancellationToken cancellationToken = default) => inner.EnumerateAsync(cancellationToken);
    }
}
