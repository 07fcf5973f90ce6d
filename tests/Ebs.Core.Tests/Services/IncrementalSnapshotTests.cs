using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

/// <summary>What a snapshot copies when snapshots of its volume were deleted before it was taken.</summary>
public sealed class IncrementalSnapshotTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task CreateSnapshot_AfterThePreviousWasDeleted_IncrementalAndCopyTimeAgainstTheNewestSurvivor()
    {
        await using var t = OneBlockPerSecond();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 10), seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 4), seedBase: 100);
        var b = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.Ec2.DeleteSnapshotAsync(b.SnapshotId);
        await t.WriteBlocksAsync(volume.VolumeId, [3, 5, 6], seedBase: 200);

        var c = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        // Blocks 0..3 (B's changes, which C must now copy) and 5, 6; block 3 once.
        Assert.Equal(6L * B, c.IncrementalSizeInBytes);
        Assert.Equal(10L * B, c.FullSnapshotSizeInBytes);
        t.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(c.StartTime + TimeSpan.FromSeconds(5 + 6), (await t.Ec2.DescribeSnapshotAsync(c.SnapshotId)).CompletionTime);
        var direct = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);
        Assert.Equal(6, await direct.Paginators.ListChangedBlocks(new() { FirstSnapshotId = a.SnapshotId, SecondSnapshotId = c.SnapshotId }).ChangedBlocks.CountAsync());
    }

    [Fact]
    public async Task CreateSnapshot_AfterEverySnapshotOfTheVolumeWasDeleted_IsFull()
    {
        await using var t = OneBlockPerSecond();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 10), seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 100);
        var b = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.Ec2.DeleteSnapshotAsync(a.SnapshotId);
        await t.Ec2.DeleteSnapshotAsync(b.SnapshotId);
        await t.WriteBlocksAsync(volume.VolumeId, [20], seedBase: 0);

        var c = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(11L * B, c.IncrementalSizeInBytes);
        Assert.Equal(c.FullSnapshotSizeInBytes, c.IncrementalSizeInBytes);
        Assert.Equal(c.StartTime + TimeSpan.FromSeconds(5 + 11), (await t.CompleteAsync(c)).CompletionTime);
    }

    [Fact]
    public async Task CreateSnapshot_OlderSnapshotDeleted_StillIncrementalToTheNewest()
    {
        await using var t = OneBlockPerSecond();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 10), seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 100);
        await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.Ec2.DeleteSnapshotAsync(a.SnapshotId);
        await t.WriteBlocksAsync(volume.VolumeId, [7], seedBase: 200);

        Assert.Equal(1L * B, (await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).IncrementalSizeInBytes);
    }

    [Fact]
    public async Task CreateSnapshot_VolumeFromSnapshot_IncrementalToItsSourceUntilThatIsDeletedToo()
    {
        await using var t = OneBlockPerSecond();
        var origin = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(origin.VolumeId, Enumerable.Range(0, 10), seedBase: 0);
        var source = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(origin.VolumeId));
        var volume = await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1b", SnapshotId = source.SnapshotId });

        await t.WriteBlocksAsync(volume.Volume.VolumeId, [0, 1], seedBase: 100);
        var first = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.Volume.VolumeId));
        await t.Ec2.DeleteSnapshotAsync(first.SnapshotId);
        await t.WriteBlocksAsync(volume.Volume.VolumeId, [2], seedBase: 100);
        var second = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.Volume.VolumeId));
        await t.Ec2.DeleteSnapshotAsync(second.SnapshotId);
        await t.Ec2.DeleteSnapshotAsync(source.SnapshotId);
        var third = await t.Ec2.TakeSnapshotAsync(volume.Volume.VolumeId);

        Assert.Equal(2L * B, first.IncrementalSizeInBytes);
        Assert.Equal(3L * B, second.IncrementalSizeInBytes);
        Assert.Equal(10L * B, third.IncrementalSizeInBytes);
    }

    /// <summary>A cloud whose snapshots take 5 seconds plus one second per copied block.</summary>
    private static TestCloud OneBlockPerSecond() => new(o =>
    {
        o.SnapshotSetupTime = TimeSpan.FromSeconds(5);
        o.SnapshotThroughputBytesPerSecond = B;
    });
}
