using Ebs.Core.Chunks;

namespace Ebs.Core.Tests.Storage;

public sealed class ScrubTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task Scrub_AfterOperations_CleanAndCountsMatch()
    {
        await using var t = await PopulatedAsync();

        var report = await t.Cloud.ScrubAsync();

        Assert.True(report.IsClean);
        Assert.Equal(report.ReachableChunks, report.StoredChunks);
        Assert.True(report.ReachableNodes > 0);
    }

    [Fact]
    public async Task Scrub_StrayChunk_ReportsLeakAndRepairReclaimsIt()
    {
        await using var t = await PopulatedAsync();
        var stray = new ChunkId(12345);
        await t.Cloud.ChunkStore.PutAsync(stray, new byte[TestCloud.BlockSize]);

        var report = await t.Cloud.ScrubAsync(repair: true);

        Assert.Equal(stray, Assert.Single(report.LeakedChunks));
        Assert.False(await t.Cloud.ChunkStore.ContainsAsync(stray));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task Scrub_DeletedChunk_ReportsMissingAndReadsFailWithInternalError()
    {
        await using var t = await PopulatedAsync();
        var volume = (await t.Ec2.ListVolumesAsync())[0];
        var victim = t.Cloud.Engine.Graph.ChunkCounts.Keys.First();
        await t.Cloud.ChunkStore.DeleteAsync(victim);

        var report = await t.Cloud.ScrubAsync();

        Assert.Equal(victim, Assert.Single(report.MissingChunks));
        var error = await Assert.ThrowsAsync<EbsException>(() => t.ReadAsync(volume.VolumeId, 0, 8 * TestCloud.BlockSize));
        Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
        Assert.Contains(victim.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_RepairOfMoreThanHalfTheChunks_RefusedAndNothingDeleted()
    {
        await using var t = await PopulatedAsync();
        var strays = Enumerable.Range(1, 10).Select(i => new ChunkId((UInt128)i)).ToList();
        foreach (var stray in strays)
        {
            await t.Cloud.ChunkStore.PutAsync(stray, new byte[TestCloud.BlockSize]);
        }

        var report = await t.Cloud.ScrubAsync(repair: true);

        Assert.False(report.Repaired);
        Assert.Contains("10 of 19 stored chunks", report.RepairRefusal, StringComparison.Ordinal);
        Assert.DoesNotContain("block-map nodes", report.RepairRefusal, StringComparison.Ordinal); // only the share that is over the limit
        Assert.Contains("If the last command was interrupted", report.RepairRefusal, StringComparison.Ordinal);
        Assert.Contains("do not force", report.RepairRefusal, StringComparison.Ordinal);
        Assert.Equal(19, t.StoredChunks);
    }

    [Fact]
    public async Task Scrub_RepairReclaimingAStrayChunk_ReportsWhatWasDeleted()
    {
        await using var t = await PopulatedAsync();
        var stray = new ChunkId(42);
        await t.Cloud.ChunkStore.PutAsync(stray, new byte[TestCloud.BlockSize]);

        var report = await t.Cloud.ScrubAsync(repair: true);

        Assert.Equal(stray, Assert.Single(report.ReclaimedChunks));
        Assert.Empty(report.ReclaimedNodes);
    }

    [Fact]
    public async Task Scrub_RepairOfMoreThanHalfTheChunksForced_ReclaimsThem()
    {
        await using var t = await PopulatedAsync();
        foreach (var i in Enumerable.Range(1, 10))
        {
            await t.Cloud.ChunkStore.PutAsync(new ChunkId((UInt128)i), new byte[TestCloud.BlockSize]);
        }

        var report = await t.Cloud.ScrubAsync(repair: true, force: true);

        Assert.True(report.Repaired);
        Assert.Null(report.RepairRefusal);
        Assert.Equal(9, t.StoredChunks);
    }

    [Fact]
    public async Task Scrub_DeletedChunk_DamagedUsesNameVolumesSnapshotsAndImagesWithByteRanges()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        foreach (var (block, seed) in new[] { (0, 1), (3, 7), (4, 7), (6, 7), (8, 2) })
        {
            await t.Ec2.WriteAtAsync(volume.VolumeId, (long)block * B, TestCloud.Block(seed));
        }

        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var image = await t.Ec2.RegisterAndDescribeImageAsync(Services.ImageTests.Request("golden", snapshot.SnapshotId));
        await t.Ec2.WriteAtAsync(volume.VolumeId, 4 * B, TestCloud.Block(9)); // the volume no longer uses block 4's old bytes
        await t.Ec2.WriteAtAsync(volume.VolumeId, 8 * B, TestCloud.Block(7)); // but uses them at block 8, written back
        var victim = new ChunkScope(TestCloud.Account, TestCloud.Region).Hash(TestCloud.Block(7));
        await t.Cloud.ChunkStore.DeleteAsync(victim);

        var uses = (await t.Cloud.ScrubAsync()).DamagedUses;

        Assert.All(uses, use => Assert.Equal(victim, use.Chunk));
        Assert.Equal(
            [
                (volume.VolumeId.Value, null, "[12288, 16384) [24576, 28672) [32768, 36864)"),
                (snapshot.SnapshotId.Value, null, "[12288, 20480) [24576, 28672)"),
                (image.ImageId.Value, snapshot.SnapshotId.Value, "[12288, 20480) [24576, 28672)"),
            ],
            uses.Select(use => (use.ResourceId, use.SnapshotId, string.Join(' ', use.Ranges))));
    }

    [Fact]
    public async Task Scrub_NothingDamaged_NoDamagedUses()
    {
        await using var t = await PopulatedAsync();

        Assert.Empty((await t.Cloud.ScrubAsync(verifyContents: true)).DamagedUses);
    }

    private static async Task<TestCloud> PopulatedAsync()
    {
        var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 8), seedBase: 0);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, [2], seedBase: 9);
        await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1b", SnapshotId = snapshot.SnapshotId });
        return t;
    }
}
