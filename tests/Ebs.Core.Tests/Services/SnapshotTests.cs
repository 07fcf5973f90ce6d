using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class SnapshotTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task CreateSnapshot_WritesAfterStart_AreNotInSnapshotEvenWhilePending()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 100);

        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId, "before");
        await t.WriteBlocksAsync(volume.VolumeId, [0, 2], seedBase: 200);

        Assert.Equal(SnapshotState.Pending, (await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).State);
        await t.CompleteAsync(snapshot);
        var restored = await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1b", SnapshotId = snapshot.SnapshotId });
        Assert.Equal(TestCloud.Block(100), await t.ReadAsync(restored.Volume.VolumeId, 0, B));
        Assert.Equal(TestCloud.Block(101), await t.ReadAsync(restored.Volume.VolumeId, B, B));
        Assert.Equal(new byte[B], await t.ReadAsync(restored.Volume.VolumeId, 2 * B, B));
        Assert.Equal(TestCloud.Block(200), await t.ReadAsync(volume.VolumeId, 0, B));
    }

    [Fact]
    public async Task CreateSnapshot_CompletionInstant_GrowsWithChangedBytes()
    {
        await using var t = new TestCloud(o =>
        {
            o.SnapshotSetupTime = TimeSpan.FromSeconds(5);
            o.SnapshotThroughputBytesPerSecond = B; // one block per second
        });
        var small = await t.CreateVolumeAsync();
        var big = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(small.VolumeId, [3], seedBase: 50);
        await t.WriteBlocksAsync(big.VolumeId, Enumerable.Range(0, 10), seedBase: 0);

        var quick = await t.Ec2.TakeSnapshotAsync(small.VolumeId);
        var slow = await t.Ec2.TakeSnapshotAsync(big.VolumeId);

        Assert.Equal(SnapshotState.Pending, slow.State);
        Assert.Equal("0%", slow.Progress);
        t.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(SnapshotState.Completed, (await t.Ec2.DescribeSnapshotAsync(quick.SnapshotId)).State);
        var halfway = await t.Ec2.DescribeSnapshotAsync(slow.SnapshotId);
        Assert.Equal(SnapshotState.Pending, halfway.State);
        Assert.Equal("40%", halfway.Progress);
        Assert.Null(halfway.CompletionTime);
        t.Time.Advance(TimeSpan.FromSeconds(9));
        var done = await t.Ec2.DescribeSnapshotAsync(slow.SnapshotId);
        Assert.Equal(SnapshotState.Completed, done.State);
        Assert.Equal("100%", done.Progress);
        Assert.Equal(slow.StartTime + TimeSpan.FromSeconds(15), done.CompletionTime);
    }

    [Fact]
    public async Task CreateSnapshot_WhileOlderPending_CopiesAfterItCompletes()
    {
        await using var t = new TestCloud(o =>
        {
            o.SnapshotSetupTime = TimeSpan.FromSeconds(5);
            o.SnapshotThroughputBytesPerSecond = B;
        });
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 10), seedBase: 0);
        var first = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, [3], seedBase: 50);

        var second = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        t.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(SnapshotState.Completed, (await t.Ec2.DescribeSnapshotAsync(first.SnapshotId)).State);
        var waiting = await t.Ec2.DescribeSnapshotAsync(second.SnapshotId);
        Assert.Equal((SnapshotState.Pending, "0%"), (waiting.State, waiting.Progress));
        t.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(first.StartTime + TimeSpan.FromSeconds(21), (await t.Ec2.DescribeSnapshotAsync(second.SnapshotId)).CompletionTime);
    }

    [Fact]
    public async Task DeleteSnapshot_WhilePending_StillCountsTowardTheLimitUntilItWouldComplete()
    {
        await using var t = new TestCloud(o => o.SnapshotSetupTime = TimeSpan.FromSeconds(10));
        var volume = await t.CreateVolumeAsync();
        for (var i = 0; i < Ec2Client.MaxPendingSnapshotsPerVolume; i++)
        {
            await t.Ec2.DeleteSnapshotAsync((await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId);
        }

        // The deleted snapshots copy one after another, completing at 10, 20, ... 50 seconds.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.TakeSnapshotAsync(volume.VolumeId).AsTask(), EbsErrorCodes.ConcurrentSnapshotLimitExceeded);
        t.Time.Advance(TimeSpan.FromSeconds(9));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.TakeSnapshotAsync(volume.VolumeId).AsTask(), EbsErrorCodes.ConcurrentSnapshotLimitExceeded);
        t.Time.Advance(TimeSpan.FromSeconds(1));
        var next = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        Assert.Equal(SnapshotState.Pending, next.State);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.TakeSnapshotAsync(volume.VolumeId).AsTask(), EbsErrorCodes.ConcurrentSnapshotLimitExceeded);
        t.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(next.StartTime + TimeSpan.FromSeconds(50), (await t.Ec2.DescribeSnapshotAsync(next.SnapshotId)).CompletionTime);
    }

    [Fact]
    public async Task CreateSnapshot_20Then5Then3Changes_Stores28Blocks()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 20), seedBase: 0);
        var a = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 5), seedBase: 1000);
        var b = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(10, 3), seedBase: 2000);
        var c = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        var usage = await t.Ec2.GetStorageUsageAsync(new());
        Assert.Equal(3, usage.SnapshotCount);
        Assert.Equal(28L * B, usage.StoredSizeInBytes);
        Assert.Equal(60L * B, usage.FullSnapshotSizeInBytes);
        Assert.Equal([20L * B, 5L * B, 3L * B], new[] { a, b, c }.Select(s => s.IncrementalSizeInBytes));
        Assert.All(new[] { a, b, c }, s => Assert.Equal(20L * B, s.FullSnapshotSizeInBytes));
    }

    [Fact]
    public async Task CreateSnapshot_8BlocksOn100GiBVolume_SizeIsUsedData()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 100);
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2, 3, 1000, 5000, 70000, 26_000_000], seedBase: 0);

        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(8L * B, snapshot.FullSnapshotSizeInBytes);
        Assert.Equal(100, snapshot.VolumeSize);
        Assert.Equal(8L * B, (await t.Ec2.GetStorageUsageAsync(new())).StoredSizeInBytes);
    }

    [Fact]
    public async Task DeleteSnapshot_Middle_FreesOnlyItsUniqueBlocksAndOthersReadBackExactly()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 20), seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 5), seedBase: 1000);
        var b = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 3), seedBase: 2000);
        var c = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);

        // B's blocks 3 and 4 are its own; 0..2 of B were overwritten by C.
        var storage = await t.Ec2.GetSnapshotStorageAsync(b.SnapshotId);
        Assert.Equal(3L * B, storage.ExclusiveSizeInBytes);
        var before = t.StoredChunks;

        await t.Ec2.DeleteSnapshotAsync(b.SnapshotId);

        Assert.Equal(before - 3, t.StoredChunks);
        await AssertSnapshotHolds(t, a.SnapshotId, i => TestCloud.Block(i));
        await AssertSnapshotHolds(t, c.SnapshotId, i => TestCloud.Block(i < 3 ? 2000 + i : i < 5 ? 1000 + i : i));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(0, 2, 1)]
    [InlineData(1, 0, 2)]
    [InlineData(1, 2, 0)]
    [InlineData(2, 0, 1)]
    [InlineData(2, 1, 0)]
    public async Task DeleteSnapshot_AnyOrder_SurvivorsExactAndStoreEmptyAtEnd(int first, int second, int third)
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var seeds = new List<Func<int, byte[]>>();
        var ids = new List<SnapshotId>();
        var contents = new Dictionary<int, int>();
        foreach (var (blocks, seedBase) in new[] { (Enumerable.Range(0, 20), 0), (Enumerable.Range(0, 5), 1000), (Enumerable.Range(10, 3), 2000) })
        {
            await t.WriteBlocksAsync(volume.VolumeId, blocks, seedBase);
            foreach (var block in blocks)
            {
                contents[block] = seedBase + block;
            }

            var frozen = new Dictionary<int, int>(contents);
            seeds.Add(i => TestCloud.Block(frozen[i]));
            ids.Add((await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId))).SnapshotId);
        }

        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);
        var order = new[] { first, second, third };
        for (var step = 0; step < 3; step++)
        {
            await t.Ec2.DeleteSnapshotAsync(ids[order[step]]);
            foreach (var survivor in order[(step + 1)..])
            {
                await AssertSnapshotHolds(t, ids[survivor], seeds[survivor]);
            }

            Assert.True((await t.Cloud.ScrubAsync()).IsClean);
        }

        Assert.Equal(0, t.StoredChunks);
        Assert.Equal(0, (await t.Ec2.GetStorageUsageAsync(new())).StoredSizeInBytes);
    }

    [Fact]
    public async Task CreateSnapshot_SixthWhileFivePending_ConcurrentSnapshotLimitExceeded()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        for (var i = 0; i < Ec2Client.MaxPendingSnapshotsPerVolume; i++)
        {
            await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        }

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.TakeSnapshotAsync(volume.VolumeId).AsTask());
        Assert.Equal(EbsErrorCodes.ConcurrentSnapshotLimitExceeded, error.ErrorCode);
        Assert.Equal(5, (await t.Ec2.ListSnapshotsAsync()).Count);
        t.Time.Advance(TimeSpan.FromMinutes(5));
        await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        Assert.Equal(6, (await t.Ec2.ListSnapshotsAsync()).Count);
    }

    [Fact]
    public async Task DescribeSnapshots_FiltersByVolumeStatusAndTag()
    {
        await using var t = new TestCloud();
        var v1 = await t.CreateVolumeAsync();
        var v2 = await t.CreateVolumeAsync();
        var s1 = await t.Ec2.TakeSnapshotAsync(v1.VolumeId, "nightly", new Dictionary<string, string> { ["env"] = "prod" });
        t.Time.Advance(TimeSpan.FromHours(1));
        var s2 = await t.Ec2.TakeSnapshotAsync(v2.VolumeId, "adhoc", new Dictionary<string, string> { ["env"] = "dev" });

        Assert.Equal([s1.SnapshotId], (await t.Ec2.ListSnapshotsAsync(new() { Filters = [new Filter("tag:env", "prod")] })).Select(s => s.SnapshotId));
        Assert.Equal([s2.SnapshotId], (await t.Ec2.ListSnapshotsAsync(new() { Filters = [new Filter("status", "pending")] })).Select(s => s.SnapshotId));
        Assert.Equal([s2.SnapshotId], (await t.Ec2.ListSnapshotsAsync(new() { Filters = [new Filter("volume-id", v2.VolumeId.Value)] })).Select(s => s.SnapshotId));
        Assert.Equal([s1.SnapshotId, s2.SnapshotId], (await t.Ec2.ListSnapshotsAsync(new() { OwnerIds = ["self"], Filters = [new Filter("tag-key", "env")] })).Select(s => s.SnapshotId));
        Assert.Equal([s1.SnapshotId], (await t.Ec2.ListSnapshotsAsync(new() { Filters = [new Filter("description", "night*")] })).Select(s => s.SnapshotId));
        Assert.Empty(await t.Ec2.ListSnapshotsAsync(new() { OwnerIds = ["222222222222", "amazon"] }));
        Assert.Empty(await t.Cloud.Account("222222222222").Ec2(TestCloud.Region).ListSnapshotsAsync());
    }

    internal static async Task AssertSnapshotHolds(TestCloud t, SnapshotId snapshot, Func<int, byte[]> expected)
    {
        var volume = await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1c", SnapshotId = snapshot });
        var bytes = await t.ReadAsync(volume.Volume.VolumeId, 0, 20 * B);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(expected(i).AsSpan().SequenceEqual(bytes.AsSpan(i * B, B)), $"block {i} of {snapshot}");
        }

        await t.Ec2.DeleteVolumeAsync(volume.Volume.VolumeId);
    }
}
