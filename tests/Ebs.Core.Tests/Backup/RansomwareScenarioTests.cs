using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

/// <summary>
/// Ransomware protection: a daily plan into a vault whose Vault Lock is in compliance mode keeps
/// the last week of backups; the owner cannot delete them early, nor remove the lock, nor go
/// around it through EC2; the storage is exactly the blocks they hold; a restore is byte-exact.
/// </summary>
public sealed class RansomwareScenarioTests
{
    [Fact]
    public async Task DailyPlanTenDays_LockedVault_SevenPointsExactStorageByteExactRestore()
    {
        await using var t = new TestCloud();
        var backup = t.Backup();
        var volume = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Volume, Tags = [new Tag("backup", "daily")] }] })).Volume;
        var model = new Dictionary<int, byte[]>();
        foreach (var block in new[] { 0, 1, 2, 3 })
        {
            await t.WriteBlocksAsync(volume.VolumeId, [block], 1000);
            model[block] = TestCloud.Block(1000 + block);
        }

        await backup.CreateVaultAsync("locked");
        await backup.PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "locked", MinRetentionDays = 7, MaxRetentionDays = 35, ChangeableForDays = 3 });
        var plan = await backup.CreateBackupPlanAsync(new CreateBackupPlanRequest
        {
            BackupPlan = new BackupPlanInput
            {
                BackupPlanName = "daily",
                Rules = [new BackupRuleInput { RuleName = "daily", TargetBackupVaultName = "locked", ScheduleExpression = "cron(0 5 ? * * *)", Lifecycle = new Lifecycle { DeleteAfterDays = 7 } }],
            },
        });
        await backup.CreateBackupSelectionAsync(new CreateBackupSelectionRequest
        {
            BackupPlanId = plan.BackupPlanId,
            BackupSelection = new BackupSelection { SelectionName = "tagged", IamRoleArn = BackupShorthands.Role, ListOfTags = ValueList<Condition>.From([new Condition { ConditionKey = "backup", ConditionValue = "daily" }]) },
        });

        // Day d (1 to 10): block 10 + d gets new bytes before the 05:00 run; we look at 06:00.
        t.Time.Advance(TimeSpan.FromHours(6));
        for (var day = 1; day <= 10; day++)
        {
            if (day > 1)
            {
                t.Time.Advance(TimeSpan.FromDays(1));
            }

            var block = 10 + day;
            await t.WriteBlocksAsync(volume.VolumeId, [block], 2000);
            model[block] = TestCloud.Block(2000 + block);
        }

        var points = await backup.PointsAsync("locked");

        // Runs on days 1..10 at 05:00; each keeps 7 days, so at day 10 06:00 the runs of days 4..10 remain.
        Assert.Equal(7, points.Count);
        Assert.All(points, p => Assert.Equal(RecoveryPointStatus.Completed, p.Status));
        Assert.Equal(DateTimeOffset.Parse("2026-01-04T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture), points[0].CreationDate);
        Assert.Equal(points[0].CreationDate.AddDays(7), points[0].CalculatedLifecycle.DeleteAt);

        // Each run saw the blocks written on the days before it (the write of day d comes at 06:00, after its run):
        // the surviving points hold blocks 0..3 and 11..19, 13 distinct blocks.
        var usage = await t.Ec2.GetStorageUsageAsync(new());
        Assert.Equal(7, usage.SnapshotCount);
        Assert.Equal(13L * TestCloud.BlockSize, usage.StoredSizeInBytes);
        Assert.Equal(13L * TestCloud.BlockSize, usage.BilledSizeInBytes);
        Assert.Equal(7, (await t.Ec2.ListSnapshotsAsync()).Count);

        // Compliance mode (past the 3-day grace): the owner can delete nothing early, nor unlock, nor go through EC2.
        var newest = points[^1].RecoveryPointArn;
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => backup.DeleteRecoveryPointAsync(new DeleteRecoveryPointRequest { BackupVaultName = "locked", RecoveryPointArn = newest }).AsTask(), "InvalidRequestException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => backup.DeleteBackupVaultLockConfigurationAsync(new DeleteBackupVaultLockConfigurationRequest { BackupVaultName = "locked" }).AsTask(), "InvalidRequestException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => backup.UpdateRecoveryPointLifecycleAsync(new UpdateRecoveryPointLifecycleRequest { BackupVaultName = "locked", RecoveryPointArn = newest, Lifecycle = new Lifecycle { DeleteAfterDays = 1 } }).AsTask(), "InvalidRequestException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = BackupShorthands.SnapshotOf(newest) }).AsTask(), "InvalidParameterValue");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => backup.DeleteBackupVaultAsync(new DeleteBackupVaultRequest { BackupVaultName = "locked" }).AsTask(), "InvalidRequestException");

        // The attacker wipes the volume; the newest point restores it byte for byte as of day 10 05:00.
        await t.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        var restored = await backup.RestoreAsync(newest);
        var bytes = await t.ReadAsync(restored, 0, 21 * TestCloud.BlockSize);
        for (var block = 0; block <= 20; block++)
        {
            var expected = block <= 19 && model.TryGetValue(block, out var written) ? written : new byte[TestCloud.BlockSize];
            Assert.True(expected.AsSpan().SequenceEqual(bytes.AsSpan(block * TestCloud.BlockSize, TestCloud.BlockSize)), $"block {block}");
        }
    }
}
