using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Backup;

/// <summary>The example of docs/backup.md, compiled and checked.</summary>
public sealed class BackupDocExampleTests
{
    [Fact]
    public async Task BackupDocExample_RunsAsDocumented()
    {
        // docs/backup.md example start
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00Z"));
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var account = cloud.Account("111111111111");
        var ec2 = account.Ec2("us-east-1");
        var backup = account.Backup("us-east-1");

        var vol = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 8 })).Volume;
        await ec2.WriteVolumeAsync(new() { VolumeId = vol.VolumeId, Writes = [new VolumeWrite(0, Enumerable.Repeat((byte)7, 4096 * 4).ToArray())] });
        await backup.CreateBackupVaultAsync(new() { BackupVaultName = "prod" });
        await backup.PutBackupVaultLockConfigurationAsync(new() { BackupVaultName = "prod", MinRetentionDays = 7, ChangeableForDays = 3 });

        var plan = await backup.CreateBackupPlanAsync(new()
        {
            BackupPlan = new()
            {
                BackupPlanName = "daily",
                Rules = [new() { RuleName = "daily", TargetBackupVaultName = "prod", ScheduleExpression = "cron(0 5 ? * * *)", Lifecycle = new() { DeleteAfterDays = 7 } }],
            },
        });
        await backup.CreateBackupSelectionAsync(new()
        {
            BackupPlanId = plan.BackupPlanId,
            BackupSelection = new() { SelectionName = "all-volumes", IamRoleArn = "arn:aws:iam::111111111111:role/backup", Resources = ValueList<string>.From(["*"]) },
        });

        time.Advance(TimeSpan.FromDays(10));                                  // ten daily runs at 05:00
        var points = (await backup.ListRecoveryPointsByBackupVaultAsync(new() { BackupVaultName = "prod" })).RecoveryPoints; // the last 7
        var restore = await backup.StartRestoreJobAsync(new()
        {
            RecoveryPointArn = points[^1].RecoveryPointArn,                   // arn:aws:ec2:us-east-1::snapshot/snap-...
            Metadata = new Dictionary<string, string> { ["availabilityZone"] = "us-east-1b", ["volumeType"] = "gp3" },
        });
        var restored = await backup.DescribeRestoreJobAsync(new() { RestoreJobId = restore.RestoreJobId }); // CreatedResourceArn: the new volume
        // docs/backup.md example end

        Assert.Equal(7, points.Count);
        Assert.Equal(RestoreJobStatus.Completed, restored.Status);
        Assert.StartsWith("arn:aws:ec2:us-east-1:111111111111:volume/vol-", restored.CreatedResourceArn, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<EbsException>(() => backup.DeleteRecoveryPointAsync(new() { BackupVaultName = "prod", RecoveryPointArn = points[^1].RecoveryPointArn }).AsTask());
        Assert.Equal(EbsErrorCodes.InvalidRequestException, error.ErrorCode);
    }
}
