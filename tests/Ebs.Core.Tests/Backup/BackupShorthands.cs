using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

/// <summary>Shorthands for AWS Backup tests whose subject is behaviour: each wraps one public operation.</summary>
public static class BackupShorthands
{
    public const string Role = "arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole";

    public static BackupClient Backup(this TestCloud t) => t.Cloud.Account(TestCloud.Account).Backup(TestCloud.Region);

    public static string VolumeArn(VolumeId volumeId) => $"arn:aws:ec2:{TestCloud.Region}:{TestCloud.Account}:volume/{volumeId}";

    public static SnapshotId SnapshotOf(string recoveryPointArn) => SnapshotId.Parse(recoveryPointArn[(recoveryPointArn.LastIndexOf('/') + 1)..]);

    public static async ValueTask CreateVaultAsync(this BackupClient backup, string name)
        => await backup.CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = name });

    public static async ValueTask<DescribeBackupJobResponse> BackUpAsync(this BackupClient backup, string vault, VolumeId volumeId, Lifecycle? lifecycle = null)
    {
        var started = await backup.StartBackupJobAsync(new StartBackupJobRequest { BackupVaultName = vault, ResourceArn = VolumeArn(volumeId), IamRoleArn = Role, Lifecycle = lifecycle });
        return await backup.DescribeBackupJobAsync(new DescribeBackupJobRequest { BackupJobId = started.BackupJobId });
    }

    public static async ValueTask<IReadOnlyList<RecoveryPointByBackupVault>> PointsAsync(this BackupClient backup, string vault)
        => (await backup.ListRecoveryPointsByBackupVaultAsync(new ListRecoveryPointsByBackupVaultRequest { BackupVaultName = vault })).RecoveryPoints;

    public static async ValueTask<DescribeRecoveryPointResponse> DescribePointAsync(this BackupClient backup, string vault, string arn)
        => await backup.DescribeRecoveryPointAsync(new DescribeRecoveryPointRequest { BackupVaultName = vault, RecoveryPointArn = arn });

    public static async ValueTask<VolumeId> RestoreAsync(this BackupClient backup, string recoveryPointArn, string zone = "us-east-1a")
    {
        var job = await backup.StartRestoreJobAsync(new StartRestoreJobRequest { RecoveryPointArn = recoveryPointArn, Metadata = new Dictionary<string, string> { ["availabilityZone"] = zone } });
        var described = await backup.DescribeRestoreJobAsync(new DescribeRestoreJobRequest { RestoreJobId = job.RestoreJobId });
        return VolumeId.Parse(described.CreatedResourceArn[(described.CreatedResourceArn.LastIndexOf('/') + 1)..]);
    }
}
