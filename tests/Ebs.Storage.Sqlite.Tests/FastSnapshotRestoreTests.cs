using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Ebs.Core.Tests;
using Ebs.Core.Tests.FastSnapshotRestore;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class FastSnapshotRestoreTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 1 };

    [Fact]
    public async Task OpenAsync_Reopened_FastSnapshotRestoreStateCreditsVolumesAndPendingBillingSurvive()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var t0 = DateTimeOffset.UnixEpoch.AddHours(1);
        SnapshotId snapshotId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1024 })).Volume;
            await ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
            snapshotId = (await ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
            time.SetUtcNow(t0);
            await ec2.EnableAsync(snapshotId, "us-east-1a", "us-east-1b");
            time.Advance(TimeSpan.FromMinutes(10));
            await ec2.DisableAsync(snapshotId, "us-east-1b");
        }

        time.SetUtcNow(t0.AddHours(3));
        VolumeId fastId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var a = await ec2.DescribeFsrAsync(snapshotId, "us-east-1a");
            var b = await ec2.DescribeFsrAsync(snapshotId, "us-east-1b");
            Assert.Equal((FastSnapshotRestoreStateCode.Enabled, (DateTimeOffset?)t0.AddMinutes(61)), (a.State, a.EnabledTime));
            Assert.Equal((FastSnapshotRestoreStateCode.Disabled, (DateTimeOffset?)t0.AddMinutes(11)), (b.State, b.DisabledTime));

            var fast = await ec2.RestoreAsync(snapshotId);
            Assert.True(fast.FastRestored);
            Assert.False((await ec2.RestoreAsync(snapshotId)).FastRestored); // capacity 1, used
            fastId = fast.VolumeId;

            var ledger = cloud.Engine.World.Table(RecordKinds.Usage).Values
                .Where(e => e.Type is UsageType.FastSnapshotRestore or UsageType.FastSnapshotRestoreMinimum)
                .Select(e => (e.At, e.AvailabilityZone, e.LevelChange, e.Quantity, e.Duration));
            Assert.Equal(
                [
                    (t0, "us-east-1a", 1L, 0L, TimeSpan.Zero),
                    (t0, "us-east-1b", 1L, 0L, TimeSpan.Zero),
                    (t0.AddMinutes(11), "us-east-1b", -1L, 0L, TimeSpan.Zero),
                    (t0.AddMinutes(11), "us-east-1b", 0L, 1L, TimeSpan.FromMinutes(49)),
                ],
                ledger);
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var fast = await ec2.DescribeVolumeAsync(fastId);
            Assert.Equal((true, new VolumeInitialization(1, 1, 0)), (fast.FastRestored, fast.Initialization));
            Assert.False((await ec2.RestoreAsync(snapshotId)).FastRestored); // the used credit stays used
            var buffer = new byte[TestCloud.BlockSize];
            await ec2.ReadAtAsync(fastId, 0, buffer);
            Assert.Equal(TestCloud.Block(1), buffer);
            Assert.Equal(new VolumeInitialization(1, 1, 0), (await ec2.DescribeVolumeAsync(fastId)).Initialization);
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        }
    }
}
