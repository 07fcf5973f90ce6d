using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

public sealed class CopyJobTests
{
    private const string DrRegion = "eu-west-1";
    private const string DrVaultArn = $"arn:aws:backup:{DrRegion}:{TestCloud.Account}:backup-vault:dr";

    [Fact]
    public async Task StartCopyJob_OtherRegion_CreatedUntilSourceCompletesThenCopyIsARecoveryPointThere()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 10);
        await t.Backup().CreateVaultAsync("v1");
        var dr = t.Cloud.Account(TestCloud.Account).Backup(DrRegion);
        await dr.CreateVaultAsync("dr");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId, new Lifecycle { DeleteAfterDays = 10 });

        var copy = await t.Backup().StartCopyJobAsync(new StartCopyJobRequest { RecoveryPointArn = job.RecoveryPointArn!, SourceBackupVaultName = "v1", DestinationBackupVaultArn = DrVaultArn, IamRoleArn = BackupShorthands.Role });
        var created = (await t.Backup().DescribeCopyJobAsync(new DescribeCopyJobRequest { CopyJobId = copy.CopyJobId })).CopyJob;
        Assert.Equal(CopyJobState.Created, created.State);
        Assert.Null(created.DestinationRecoveryPointArn);

        t.Time.Advance(TimeSpan.FromHours(2));
        var done = (await t.Backup().DescribeCopyJobAsync(new DescribeCopyJobRequest { CopyJobId = copy.CopyJobId })).CopyJob;
        Assert.Equal(CopyJobState.Completed, done.State);
        var point = Assert.Single(await dr.PointsAsync("dr"));
        Assert.Equal(done.DestinationRecoveryPointArn, point.RecoveryPointArn);
        Assert.StartsWith("arn:aws:ec2:eu-west-1::snapshot/snap-", point.RecoveryPointArn, StringComparison.Ordinal);
        Assert.Equal("arn:aws:backup:us-east-1:111111111111:backup-vault:v1", point.SourceBackupVaultArn);
        Assert.Equal(10, point.Lifecycle!.DeleteAfterDays);

        var restored = await dr.RestoreAsync(point.RecoveryPointArn, "eu-west-1a");
        var buffer = new byte[TestCloud.BlockSize];
        await t.Cloud.Account(TestCloud.Account).Ec2(DrRegion).ReadAtAsync(restored, TestCloud.BlockSize, buffer);
        Assert.Equal(TestCloud.Block(11), buffer);
    }

    [Fact]
    public async Task PlanCopyAction_DestinationLockRefusesRetention_CopyJobFailedNoCopy()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var dr = t.Cloud.Account(TestCloud.Account).Backup(DrRegion);
        await dr.CreateVaultAsync("dr");
        await dr.PutBackupVaultLockConfigurationAsync(new PutBackupVaultLockConfigurationRequest { BackupVaultName = "dr", MinRetentionDays = 30 });
        var plan = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest
        {
            BackupPlan = new BackupPlanInput
            {
                BackupPlanName = "p",
                Rules =
                [
                    new BackupRuleInput
                    {
                        RuleName = "r",
                        TargetBackupVaultName = "v1",
                        Lifecycle = new Lifecycle { DeleteAfterDays = 7 },
                        CopyActions = [new CopyAction { DestinationBackupVaultArn = DrVaultArn }, new CopyAction { DestinationBackupVaultArn = DrVaultArn, Lifecycle = new Lifecycle { DeleteAfterDays = 30 } }],
                    },
                ],
            },
        });
        await t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest { BackupPlanId = plan.BackupPlanId, BackupSelection = new BackupSelection { SelectionName = "all", IamRoleArn = BackupShorthands.Role, Resources = ValueList<string>.From(["*"]) } });

        t.Time.Advance(TimeSpan.FromHours(6));
        await t.Cloud.ApplyDueWorkAsync();

        var copies = t.Cloud.Engine.World.Table(Ebs.Core.Storage.RecordKinds.CopyJob).Values.ToList();
        Assert.Equal(2, copies.Count);
        var point = Assert.Single(await dr.PointsAsync("dr"));
        Assert.Equal(30, point.Lifecycle!.DeleteAfterDays);
        Assert.Equal(plan.BackupPlanId, point.CreatedBy!.BackupPlanId);
        Assert.Single(copies, c => c.StatusMessage is not null);
    }
}
