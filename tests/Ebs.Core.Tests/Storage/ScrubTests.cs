using Ebs.Core.Chunks;

namespace Ebs.Core.Tests.Storage;

public sealed class ScrubTests
{
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
        var volume = (await t.Ec2.DescribeVolumesAsync())[0];
        var victim = t.Cloud.Engine.Graph.ChunkCounts.Keys.First();
        await t.Cloud.ChunkStore.DeleteAsync(victim);

        var report = await t.Cloud.ScrubAsync();

        Assert.Equal(victim, Assert.Single(report.MissingChunks));
        var error = await Assert.ThrowsAsync<EbsException>(() => t.ReadAsync(volume.Id, 0, 8 * TestCloud.BlockSize));
        Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
        Assert.Contains(victim.ToString(), error.Message, StringComparison.Ordinal);
    }

    private static async Task<TestCloud> PopulatedAsync()
    {
        var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.Id, Enumerable.Range(0, 8), seedBase: 0);
        var snapshot = await t.CompleteAsync(await t.Ec2.CreateSnapshotAsync(volume.Id));
        await t.WriteBlocksAsync(volume.Id, [2], seedBase: 9);
        await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1b", SnapshotId = snapshot.Id });
        return t;
    }
}
