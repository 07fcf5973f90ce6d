using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.FastSnapshotRestore;

public sealed class FastSnapshotRestoreCreditTests
{
    [Theory]
    [InlineData(1, 10.0, 10.0)]
    [InlineData(100, 10.0, 10.0)] // 1024 / 100 = 10.24, both capped at 10
    [InlineData(128, 8.0, 8.0)] // AWS's example
    [InlineData(1024, 1.0, 1.0)]
    [InlineData(2048, 1.0, 0.5)]
    public void Bucket_SnapshotSize_AwsCapacityAndRefill(int sizeGiB, double capacity, double refillPerHour)
    {
        var record = new FastSnapshotRestoreRecord
        {
            SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"),
            AvailabilityZone = "us-east-1a",
            OwnerId = TestCloud.Account,
            Region = TestCloud.Region,
            SnapshotSizeGiB = sizeGiB,
            EnablingTime = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal((capacity, refillPerHour), (record.Capacity, record.RefillPerHour));
        Assert.Equal(0, record.BalanceAt(record.EnabledTime));
        Assert.Equal(capacity, record.BalanceAt(record.EnabledTime.AddDays(1)));
    }

    [Theory]
    [InlineData(1, 0.0, 0)] // starts empty
    [InlineData(1, 0.1, 1)] // 10 per hour: one credit after 6 minutes
    [InlineData(1, 1.0, 10)]
    [InlineData(1, 12.0, 10)] // capacity 10
    [InlineData(100, 0.1, 1)] // 10 per hour (1024 / 100 capped at 10)
    [InlineData(100, 3.0, 10)]
    [InlineData(1024, 1.0, 1)]
    [InlineData(1024, 5.0, 1)] // capacity 1
    [InlineData(2048, 1.0, 0)] // half a credit
    [InlineData(2048, 2.0, 1)]
    [InlineData(2048, 9.0, 1)] // capacity 1
    public async Task CreateVolume_HoursAfterEnabled_OneFastVolumePerWholeCredit(int sizeGiB, double hoursEnabled, int expectedFast)
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        var enabledAt = t.Time.GetUtcNow() + TimeSpan.FromMinutes(1) + FastSnapshotRestoreRecord.OptimizingDuration(sizeGiB);
        t.Time.SetUtcNow(enabledAt + TimeSpan.FromHours(hoursEnabled));

        var volumes = new List<Volume>();
        for (var i = 0; i <= expectedFast; i++)
        {
            volumes.Add(await t.Ec2.RestoreAsync(snapshot.SnapshotId));
        }

        Assert.Equal([.. Enumerable.Repeat(true, expectedFast), false], volumes.Select(v => v.FastRestored));
    }

    [Fact]
    public async Task CreateVolume_CreditsUsed_RefillFromTheLastUse()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB: 1024); // 1 credit per hour, capacity 1
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(1 + 60 + 60));
        Assert.True((await t.Ec2.RestoreAsync(snapshot.SnapshotId)).FastRestored);

        t.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.False((await t.Ec2.RestoreAsync(snapshot.SnapshotId)).FastRestored);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await t.Ec2.RestoreAsync(snapshot.SnapshotId)).FastRestored);
    }

    [Fact]
    public async Task CreateVolume_WithACredit_FullyInitializedAndReadsNothingCold()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB: 1, blocks: 4);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(1));

        var fast = await t.Ec2.RestoreAsync(snapshot.SnapshotId);
        var bytes = await t.ReadAsync(fast.VolumeId, 0, 4 * TestCloud.BlockSize);

        Assert.True(fast.FastRestored);
        Assert.Equal(new VolumeInitialization(4, 4, 0), fast.Initialization);
        Assert.Equal(TestCloud.Block(100), bytes[..TestCloud.BlockSize]);
        Assert.Equal(TestCloud.Block(103), bytes[(3 * TestCloud.BlockSize)..]);
        var described = await t.Ec2.DescribeVolumeAsync(fast.VolumeId);
        Assert.Equal((true, new VolumeInitialization(4, 4, 0)), (described.FastRestored, described.Initialization));
        Assert.Equal([fast.VolumeId], (await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("fast-restored", "true")] })).Select(v => v.VolumeId));
    }

    [Fact]
    public async Task CreateVolume_OtherZoneOrStillOptimizing_LazyAsUsual()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB: 1024, blocks: 4);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(30)); // optimizing: no credits yet

        var optimizing = await t.Ec2.RestoreAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(3));
        var otherZone = await t.Ec2.RestoreAsync(snapshot.SnapshotId, "us-east-1b");
        await t.ReadAsync(otherZone.VolumeId, 0, 4 * TestCloud.BlockSize);

        Assert.All([optimizing, otherZone], v => Assert.False(v.FastRestored));
        Assert.Equal(new VolumeInitialization(4, 0, 0), optimizing.Initialization);
        Assert.Equal(new VolumeInitialization(4, 4, 4), (await t.Ec2.DescribeVolumeAsync(otherZone.VolumeId)).Initialization);
    }

    [Fact]
    public async Task CreateVolume_AfterDisable_NoCredits()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(2));
        await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a");

        Assert.False((await t.Ec2.RestoreAsync(snapshot.SnapshotId)).FastRestored);
    }
}
