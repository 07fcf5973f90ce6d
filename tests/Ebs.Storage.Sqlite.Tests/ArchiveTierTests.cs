using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>The archive tier on the durable local directory: work in progress is kept and completes on schedule after reopening.</summary>
public sealed class ArchiveTierTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly TimeSpan ArchiveTime = TimeSpan.FromHours(24);
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 11, SnapshotArchiveTime = ArchiveTime };

    [Fact]
    public async Task ArchivalInProgress_SurvivesReopening_CompletesOnSchedule()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        SnapshotId snapshotId;
        DateTimeOffset completes;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
            await ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(volume.VolumeId, B, TestCloud.Block(2));
            snapshotId = (await ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
            time.Advance(TimeSpan.FromHours(1));
            completes = (await ec2.ModifySnapshotTierAsync(new ModifySnapshotTierRequest { SnapshotId = snapshotId })).TieringStartTime + ArchiveTime;
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            time.SetUtcNow(completes - TimeSpan.FromTicks(1));
            Assert.Equal(TieringOperationStatus.ArchivalInProgress, (await StatusAsync(ec2, snapshotId)).LastTieringOperationStatus);
            time.SetUtcNow(completes);
            var status = await StatusAsync(ec2, snapshotId);
            Assert.Equal((TieringOperationStatus.ArchivalCompleted, StorageTier.Archive, (DateTimeOffset?)completes), (status.LastTieringOperationStatus, status.StorageTier, status.ArchivalCompleteTime));
        }

        time.Advance(TimeSpan.FromDays(1));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(StorageTier.Archive, (await StatusAsync(ec2, snapshotId)).StorageTier);
            var archive = Assert.Single(cloud.Engine.World.Table(RecordKinds.Usage).Values, e => e.Type == UsageType.SnapshotArchiveStorage);
            Assert.Equal((2L * B, completes), (archive.LevelChange, archive.At));
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        }
    }

    [Fact]
    public async Task ArchivalDueWhileClosed_CompletesAtItsInstantWhenReopened()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        SnapshotId snapshotId;
        DateTimeOffset completes;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
            await ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(3));
            snapshotId = (await ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
            time.Advance(TimeSpan.FromHours(1));
            completes = (await ec2.ModifySnapshotTierAsync(new ModifySnapshotTierRequest { SnapshotId = snapshotId })).TieringStartTime + ArchiveTime;
        }

        time.Advance(TimeSpan.FromDays(10));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var status = await StatusAsync(cloud.Account(TestCloud.Account).Ec2(TestCloud.Region), snapshotId);
            Assert.Equal((TieringOperationStatus.ArchivalCompleted, (DateTimeOffset?)completes), (status.LastTieringOperationStatus, status.ArchivalCompleteTime));
            var standard = cloud.Engine.World.Table(RecordKinds.Usage).Values.Last(e => e.Type == UsageType.SnapshotStorage);
            Assert.Equal((-1L * B, completes), (standard.LevelChange, standard.At));
        }
    }

    private static async Task<SnapshotTierStatus> StatusAsync(Ec2Client ec2, SnapshotId id)
        => (await ec2.DescribeSnapshotTierStatusAsync(new DescribeSnapshotTierStatusRequest { Filters = [new Filter("snapshot-id", id.Value)] })).SnapshotTierStatuses.Single();
}
