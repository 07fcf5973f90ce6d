using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

public sealed class VaultLockTests
{
    [Fact]
    public async Task VaultLock_GraceEndsAtLockDate_ToTheSecond()
    {
        await using var t = new TestCloud();
        await t.Backup().CreateVaultAsync("early");
        await t.Backup().CreateVaultAsync("late");
        var start = t.Time.GetUtcNow();
        foreach (var vault in new[] { "early", "late" })
        {
            await t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = vault, MinRetentionDays = 7, ChangeableForDays = 3 });
        }

        var described = await t.Backup().DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "late" });
        Assert.True(described.Locked);
        Assert.Equal(start.AddDays(3), described.LockDate);
        Assert.Equal(7, described.MinRetentionDays);

        t.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        await t.Backup().DeleteBackupVaultLockConfigurationAsync(new DeleteBackupVaultLockConfigurationRequest { BackupVaultName = "early" });
        Assert.False((await t.Backup().DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "early" })).Locked);

        t.Time.Advance(TimeSpan.FromSeconds(1));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().DeleteBackupVaultLockConfigurationAsync(new DeleteBackupVaultLockConfigurationRequest { BackupVaultName = "late" }).AsTask(), "InvalidRequestException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "late", MinRetentionDays = 1 }).AsTask(), "InvalidRequestException");
    }

    [Fact]
    public async Task VaultLock_GovernanceMode_ChangeableAnyTime()
    {
        await using var t = new TestCloud();
        await t.Backup().CreateVaultAsync("v1");
        await t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "v1", MinRetentionDays = 7 });
        t.Time.Advance(TimeSpan.FromDays(400));

        await t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "v1", MinRetentionDays = 1, MaxRetentionDays = 2 });
        Assert.Equal((1L, 2L), ((await t.Backup().DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "v1" })).MinRetentionDays, (await t.Backup().DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "v1" })).MaxRetentionDays));
        await t.Backup().DeleteBackupVaultLockConfigurationAsync(new DeleteBackupVaultLockConfigurationRequest { BackupVaultName = "v1" });
    }

    [Theory]
    [InlineData(0L, null, null)]
    [InlineData(null, 36501L, null)]
    [InlineData(null, null, 2L)]
    [InlineData(10L, 9L, null)]
    public async Task PutBackupVaultLockConfiguration_BadValues_InvalidParameterValue(long? min, long? max, long? changeable)
    {
        await using var t = new TestCloud();
        await t.Backup().CreateVaultAsync("v1");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "v1", MinRetentionDays = min, MaxRetentionDays = max, ChangeableForDays = changeable }).AsTask(), "InvalidParameterValueException");
    }

    [Fact]
    public async Task StartBackupJob_RetentionOutsideLock_JobFailedWithoutSnapshot()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        await t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "v1", MinRetentionDays = 7, MaxRetentionDays = 30 });

        var tooShort = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { DeleteAfterDays = 6 });
        var forever = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        var inRange = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { DeleteAfterDays = 7 });

        Assert.Equal(BackupJobState.Failed, tooShort.State);
        Assert.Null(tooShort.RecoveryPointArn);
        Assert.NotNull(tooShort.StatusMessage);
        Assert.Equal(BackupJobState.Failed, forever.State);
        Assert.Equal(BackupJobState.Running, inRange.State);
        Assert.Single(await t.Ec2.ListSnapshotsAsync());
        var failed = await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest { ByState = BackupJobState.Failed });
        Assert.Equal([tooShort.BackupJobId, forever.BackupJobId], failed.BackupJobs.Select(j => j.BackupJobId));
    }

    [Fact]
    public async Task DeleteRecoveryPoint_LockedVault_RefusedUntilMinimumRetentionToTheSecond()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        await t.Backup().PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "v1", MinRetentionDays = 7 });
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { DeleteAfterDays = 30 });
        var delete = new DeleteRecoveryPointRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn! };
        var update = new UpdateRecoveryPointLifecycleRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn!, Lifecycle = new Lifecycle { DeleteAfterDays = 6 } };

        t.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await t.Cloud.ApplyDueWorkAsync();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().DeleteRecoveryPointAsync(delete).AsTask(), "InvalidRequestException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().UpdateRecoveryPointLifecycleAsync(update).AsTask(), "InvalidRequestException");

        t.Time.Advance(TimeSpan.FromSeconds(1));
        await t.Backup().DeleteRecoveryPointAsync(delete);
        Assert.Empty(await t.Backup().PointsAsync("v1"));
    }
}
