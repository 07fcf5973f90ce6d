using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class RecycleBinDurabilityTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 1 };

    [Fact]
    public async Task SnapshotInBin_StoreReopened_StillBinnedThenExpiresOnScheduleAndRestoreSticks()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        SnapshotId expiring, restored;
        string rule;
        var exit = DateTimeOffset.UnixEpoch.AddDays(3);
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var account = cloud.Account(TestCloud.Account);
            rule = (await account.RecycleBin(TestCloud.Region).CreateRuleAsync(new CreateRuleRequest
            {
                ResourceType = RecycleBinResourceType.EbsSnapshot,
                RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 3 },
            })).Identifier;
            var ec2 = account.Ec2(TestCloud.Region);
            expiring = await BinnedSnapshotAsync(ec2, 1);
            restored = await BinnedSnapshotAsync(ec2, 2);
        }

        time.Advance(TimeSpan.FromDays(1));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var account = cloud.Account(TestCloud.Account);
            var ec2 = account.Ec2(TestCloud.Region);
            var bin = (await ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots;
            Assert.Equal(
                new[] { expiring, restored }.Select(id => (id, DateTimeOffset.UnixEpoch, exit)).OrderBy(s => s.id.Value, StringComparer.Ordinal),
                bin.Select(s => (s.SnapshotId, s.RecycleBinEnterTime, s.RecycleBinExitTime))); // entered together: by id
            Assert.Equal(3, (await account.RecycleBin(TestCloud.Region).GetRuleAsync(new() { Identifier = rule })).RetentionPeriod.RetentionPeriodValue);
            Assert.Empty(await ec2.ListSnapshotsAsync());
            await ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = restored });
            Assert.Equal(2, (await cloud.ScrubAsync()).StoredChunks);
        }

        time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal([expiring], (await ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots.Select(s => s.SnapshotId));
            Assert.Equal(2, (await cloud.ScrubAsync()).StoredChunks);
        }

        time.Advance(TimeSpan.FromTicks(1));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Empty((await ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots);
            Assert.Equal([restored], (await ec2.ListSnapshotsAsync()).Select(s => s.SnapshotId));
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
            Assert.Equal(1, report.StoredChunks);
        }
    }

    /// <summary>A snapshot of one fresh block, its volume deleted, itself deleted into the bin.</summary>
    private static async Task<SnapshotId> BinnedSnapshotAsync(Ec2Client ec2, int seed)
    {
        var volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
        await ec2.WriteAtAsync(volumeId, 0, TestCloud.Block(seed));
        var snapshotId = (await ec2.TakeSnapshotAsync(volumeId)).SnapshotId;
        await ec2.DeleteVolumeAsync(volumeId);
        await ec2.DeleteSnapshotAsync(snapshotId);
        return snapshotId;
    }
}
