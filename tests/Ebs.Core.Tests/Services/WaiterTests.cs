using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class WaiterTests
{
    [Fact]
    public async Task WaitUntilSnapshotCompleted_FakeClock_WaitsExactlyUntilCompletion()
    {
        await using var t = new TestCloud(o => o.SnapshotThroughputBytesPerSecond = TestCloud.BlockSize);
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 100), seedBase: 0);
        var pending = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var waits = new List<DateTimeOffset>();

        var done = await t.Ec2.Waiters.WaitUntilSnapshotCompletedAsync(
            new() { SnapshotIds = [pending.SnapshotId] },
            new() { OnWaiting = at => { waits.Add(at); t.Time.SetUtcNow(at); } });

        var snapshot = Assert.Single(done.Snapshots);
        Assert.Equal(SnapshotState.Completed, snapshot.State);
        Assert.Equal([snapshot.CompletionTime!.Value], waits);
        Assert.Equal(snapshot.CompletionTime, t.Time.GetUtcNow());
    }

    [Fact]
    public async Task WaitUntilImageAvailable_PendingSnapshot_WaitsForItsCompletion()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 0);
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var image = await t.Ec2.RegisterImageAsync(ImageTests.Request("golden", snapshot.SnapshotId));

        var done = await t.Ec2.Waiters.WaitUntilImageAvailableAsync(new() { ImageIds = [image.ImageId] }, new() { OnWaiting = t.Time.SetUtcNow });

        Assert.Equal(ImageState.Available, Assert.Single(done.Images).State);
    }

    [Fact]
    public async Task WaitUntilVolumeAvailable_AvailableVolume_ReturnsWithoutWaiting()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var waited = false;

        var done = await t.Ec2.Waiters.WaitUntilVolumeAvailableAsync(new() { VolumeIds = [volume.VolumeId] }, new() { OnWaiting = _ => waited = true });

        Assert.Equal([volume], done.Volumes);
        Assert.False(waited);
    }

    [Fact]
    public async Task WaitUntilVolumeDeleted_DeletedVolume_NotFoundCountsAsSuccess()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);

        var done = await t.Ec2.Waiters.WaitUntilVolumeDeletedAsync(new() { VolumeIds = [volume.VolumeId] });

        Assert.Empty(done.Volumes);
    }

    [Fact]
    public async Task WaitUntilVolumeDeleted_VolumeStays_WaiterTimeoutAfterMaxWaitOnTheFakeClock()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var start = t.Time.GetUtcNow();
        var waits = new List<DateTimeOffset>();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.Waiters.WaitUntilVolumeDeletedAsync(
            new() { VolumeIds = [volume.VolumeId] },
            new() { MaxWaitTime = TimeSpan.FromMinutes(1), OnWaiting = at => { waits.Add(at); t.Time.SetUtcNow(at); } }).AsTask());

        Assert.Equal(EbsErrorCodes.WaiterTimeout, error.ErrorCode);
        Assert.Equal([15, 30, 45, 60], waits.Select(w => (w - start).TotalSeconds));
    }

    [Fact]
    public async Task WaitUntilSnapshotCompleted_UnknownSnapshot_DescribeErrorPassesThrough()
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.Waiters.WaitUntilSnapshotCompletedAsync(new() { SnapshotIds = [SnapshotId.Parse("snap-0123456789abcdef0")] }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidSnapshotNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task WaitUntilSnapshotCompleted_Cancelled_StopsWaiting()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 0);
        var pending = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        using var cancel = new CancellationTokenSource();

        var wait = t.Ec2.Waiters.WaitUntilSnapshotCompletedAsync(new() { SnapshotIds = [pending.SnapshotId] }, cancellationToken: cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
