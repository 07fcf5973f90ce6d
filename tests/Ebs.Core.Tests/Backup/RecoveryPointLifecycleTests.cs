using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

public sealed class RecoveryPointLifecycleTests
{
    [Fact]
    public async Task Lifecycle_ColdThenDelete_ArchivedAtItsDayAndDeletedAtItsDay()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 10);
        await t.Backup().CreateVaultAsync("v1");
        var start = t.Time.GetUtcNow();
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { MoveToColdStorageAfterDays = 1, DeleteAfterDays = 91, OptInToArchiveForSupportedResources = true });
        var arn = job.RecoveryPointArn!;

        var point = await t.Backup().DescribePointAsync("v1", arn);
        Assert.Equal(new CalculatedLifecycle { MoveToColdStorageAt = start.AddDays(1), DeleteAt = start.AddDays(91) }, point.CalculatedLifecycle);
        Assert.Equal(StorageClass.Warm, point.StorageClass);

        t.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(StorageClass.Warm, (await t.Backup().DescribePointAsync("v1", arn)).StorageClass);
        t.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(StorageClass.Cold, (await t.Backup().DescribePointAsync("v1", arn)).StorageClass);
        t.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(StorageTier.Archive, (await t.Ec2.DescribeSnapshotAsync(BackupShorthands.SnapshotOf(arn))).StorageTier);

        t.Time.Advance(TimeSpan.FromDays(89) - TimeSpan.FromSeconds(1));
        Assert.Single(await t.Backup().PointsAsync("v1"));
        t.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await t.Backup().PointsAsync("v1"));
        Assert.Empty(await t.Ec2.ListSnapshotsAsync());
    }

    [Fact]
    public async Task Lifecycle_ColdWithoutOptIn_StaysWarm()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { MoveToColdStorageAfterDays = 1, DeleteAfterDays = 91 });

        t.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(StorageClass.Warm, (await t.Backup().DescribePointAsync("v1", job.RecoveryPointArn!)).StorageClass);
    }

    [Fact]
    public async Task UpdateRecoveryPointLifecycle_ShorterDelete_DeletedAtTheNewDay()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var start = t.Time.GetUtcNow();
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { DeleteAfterDays = 30 });

        var updated = await t.Backup().UpdateRecoveryPointLifecycleAsync(new UpdateRecoveryPointLifecycleRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn!, Lifecycle = new Lifecycle { DeleteAfterDays = 2 } });
        Assert.Equal(start.AddDays(2), updated.CalculatedLifecycle.DeleteAt);

        t.Time.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await t.Backup().PointsAsync("v1"));
        t.Time.Advance(TimeSpan.FromDays(30));
        await t.Cloud.ApplyDueWorkAsync();
        Assert.Empty(t.Cloud.Engine.World.Table(Ebs.Core.Storage.RecordKinds.Due));
    }

    [Fact]
    public async Task StartRestoreJob_Point_NewVolumeByteExact()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 5, 9], 10);
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, [5], 77);
        t.Time.Advance(TimeSpan.FromHours(1));

        var restored = await t.Backup().RestoreAsync(job.RecoveryPointArn!);

        Assert.NotEqual(volume.VolumeId, restored);
        Assert.Equal(TestCloud.Block(15), await t.ReadAsync(restored, 5L * TestCloud.BlockSize, TestCloud.BlockSize));
        Assert.Equal(TestCloud.Block(19), await t.ReadAsync(restored, 9L * TestCloud.BlockSize, TestCloud.BlockSize));
        Assert.Equal(new byte[TestCloud.BlockSize], await t.ReadAsync(restored, 1L * TestCloud.BlockSize, TestCloud.BlockSize));
    }

    [Fact]
    public async Task StartRestoreJob_BadMetadata_RefusedAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 2);
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        await t.Cloud.ApplyDueWorkAsync();
        Task Restore(Dictionary<string, string> metadata) => t.Backup().StartRestoreJobAsync(new StartRestoreJobRequest { RecoveryPointArn = job.RecoveryPointArn!, Metadata = metadata }).AsTask();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore([]), "MissingParameterValueException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(new() { ["availabilityZone"] = "eu-west-1a" }), "InvalidParameterValueException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(new() { ["availabilityZone"] = "us-east-1a", ["volumeSize"] = "1" }), "InvalidParameterValueException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(new() { ["availabilityZone"] = "us-east-1a", ["volumeType"] = "gp9" }), "InvalidParameterValueException");
    }
}
