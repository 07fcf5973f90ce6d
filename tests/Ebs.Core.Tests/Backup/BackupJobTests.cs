using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Images;

namespace Ebs.Core.Tests.Backup;

public sealed class BackupJobTests
{
    [Fact]
    public async Task StartBackupJob_Volume_RunningUntilSnapshotCompletesThenCompleted()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 10);
        await t.Backup().CreateVaultAsync("v1");

        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        var snapshot = await t.Ec2.DescribeSnapshotAsync(BackupShorthands.SnapshotOf(job.RecoveryPointArn!));

        Assert.Equal(BackupJobState.Running, job.State);
        Assert.Equal($"arn:aws:ec2:us-east-1::snapshot/{snapshot.SnapshotId}", job.RecoveryPointArn);
        Assert.Equal("EBS", job.ResourceType);
        Assert.Equal(1L << 30, job.BackupSizeInBytes);
        Assert.Equal(t.Time.GetUtcNow().AddMinutes(480), job.StartBy);
        Assert.Equal("This snapshot is created by the AWS Backup service.", snapshot.Description);
        Assert.Equal(volume.VolumeId.Value, snapshot.Tags["aws:backup:source-resource"]);
        Assert.Equal(RecoveryPointStatus.Creating, (await t.Backup().PointsAsync("v1")).Single().Status);

        t.Time.Advance(TimeSpan.FromHours(1));
        var done = await t.Backup().DescribeBackupJobAsync(new DescribeBackupJobRequest { BackupJobId = job.BackupJobId });
        Assert.Equal(BackupJobState.Completed, done.State);
        Assert.Equal("100.0", done.PercentDone);
        Assert.Equal((await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).CompletionTime, done.CompletionDate);
        Assert.Equal(RecoveryPointStatus.Completed, (await t.Backup().PointsAsync("v1")).Single().Status);
    }

    [Fact]
    public async Task StartBackupJob_Twice_SecondSnapshotIncremental()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], 10);
        await t.Backup().CreateVaultAsync("v1");
        await t.Backup().BackUpAsync("v1", volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, [2], 99);
        var second = await t.Backup().BackUpAsync("v1", volume.VolumeId);

        var snapshot = await t.Ec2.DescribeSnapshotAsync(BackupShorthands.SnapshotOf(second.RecoveryPointArn!));
        var usage = await t.Ec2.GetStorageUsageAsync(new());
        Assert.Equal(TestCloud.BlockSize, snapshot.IncrementalSizeInBytes);
        Assert.Equal(2, usage.SnapshotCount);
        Assert.Equal(4 * TestCloud.BlockSize, usage.StoredSizeInBytes);
        Assert.Equal(4 * TestCloud.BlockSize, usage.BilledSizeInBytes);
    }

    [Fact]
    public async Task DeleteSnapshot_RecoveryPointSnapshot_RefusedWithAwsMessage()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        var snapshotId = BackupShorthands.SnapshotOf(job.RecoveryPointArn!);
        await t.Cloud.ApplyDueWorkAsync();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshotId }).AsTask());
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal("This snapshot is managed by the AWS Backup service and cannot be deleted via EC2 APIs. If you wish to delete this snapshot, please do so via the Backup console.", error.Message);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshotId }).AsTask(), "InvalidParameterValue");
        t.Time.Advance(TimeSpan.FromHours(1));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ModifySnapshotTierAsync(new ModifySnapshotTierRequest { SnapshotId = snapshotId }).AsTask(), "InvalidParameterValue");
    }

    [Fact]
    public async Task DeleteRecoveryPoint_Unlocked_SnapshotGoneAndBlocksFreed()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 10);
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        await t.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });

        await t.Backup().DeleteRecoveryPointAsync(new DeleteRecoveryPointRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn! });

        Assert.Empty(await t.Ec2.ListSnapshotsAsync());
        Assert.Empty(await t.Backup().PointsAsync("v1"));
        Assert.Equal(0, t.StoredChunks);
    }

    [Fact]
    public async Task StartBackupJob_QuiesceHookOnVolume_ApplicationConsistentAndHookRan()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var hook = new CountingHook();
        t.Cloud.QuiesceHooks.Register(volume.VolumeId, hook);
        await t.Backup().CreateVaultAsync("v1");

        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);

        var snapshot = await t.Ec2.DescribeSnapshotAsync(BackupShorthands.SnapshotOf(job.RecoveryPointArn!));
        Assert.Equal(SnapshotConsistency.ApplicationConsistent, snapshot.Consistency);
        Assert.Equal((1, 1), (hook.Before, hook.After));
    }

    [Fact]
    public async Task StartBackupJob_BadInput_RefusedAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var arn = BackupShorthands.VolumeArn(volume.VolumeId);
        StartBackupJobRequest Job(string vault = "v1", string? resource = null, Lifecycle? lifecycle = null, long? window = null)
            => new() { BackupVaultName = vault, ResourceArn = resource ?? arn, IamRoleArn = BackupShorthands.Role, Lifecycle = lifecycle, StartWindowMinutes = window };

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StartBackupJobAsync(Job(vault: "nope")).AsTask(), "ResourceNotFoundException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StartBackupJobAsync(Job(resource: BackupShorthands.VolumeArn(VolumeId.Parse("vol-0123456789abcdef0")))).AsTask(), "ResourceNotFoundException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StartBackupJobAsync(Job(resource: $"arn:aws:ec2:us-west-2:111111111111:volume/{volume.VolumeId}")).AsTask(), "InvalidParameterValueException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StartBackupJobAsync(Job(window: 59)).AsTask(), "InvalidParameterValueException");
        var error = await Assert.ThrowsAsync<EbsException>(() => t.Backup().StartBackupJobAsync(Job(lifecycle: new Lifecycle { MoveToColdStorageAfterDays = 30, DeleteAfterDays = 119 })).AsTask());
        Assert.Equal("Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays", error.Message);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StartBackupJobAsync(Job(lifecycle: new Lifecycle { DeleteAfterDays = 36501 })).AsTask(), "InvalidParameterValueException");
    }
}
