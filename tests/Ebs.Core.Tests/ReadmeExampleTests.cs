using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests;

/// <summary>The README's usage example, compiled and checked.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task ReadmeExample_RunsAsDocumented()
    {
        // README example start
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00Z"));
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");

        var vol = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 100 })).Volume;
        await using (var disk = ec2.OpenVolume(vol.VolumeId))
            await disk.WriteAsync(new byte[8 * 4096].Select((_, i) => (byte)i).ToArray());
        var snap = (await ec2.CreateSnapshotAsync(new() { VolumeId = vol.VolumeId, Description = "prod-db-backup" })).Snapshot; // Pending, contents fixed
        snap = (await ec2.Waiters.WaitUntilSnapshotCompletedAsync(new() { SnapshotIds = [snap.SnapshotId] },
            new() { OnWaiting = time.SetUtcNow })).Snapshots[0];                                           // Completed, 32 KiB used of 100 GiB
        var copy = (await ec2.CreateVolumeAsync(new() { SnapshotId = snap.SnapshotId, AvailabilityZone = "us-east-1b" })).Volume;
        // README example end

        Assert.Equal(Core.Domain.SnapshotState.Completed, snap.State);
        Assert.Equal(8 * 4096, snap.FullSnapshotSizeInBytes);
        var back = new byte[8 * 4096];
        await ec2.ReadAtAsync(copy.VolumeId, 0, back);
        Assert.Equal(new byte[8 * 4096].Select((_, i) => (byte)i), back);
        Assert.Equal(8, (await ec2.DescribeVolumeAsync(copy.VolumeId)).Initialization!.ColdReads);
    }
}
