using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

/// <summary>StopBackupJob, ListRestoreJobs and ListCopyJobs.</summary>
public sealed class JobListTests
{
    private const string DrVaultArn = $"arn:aws:backup:eu-west-1:{TestCloud.Account}:backup-vault:dr";

    [Fact]
    public async Task StopBackupJob_Running_AbortedAndItsPointAndSnapshotGone()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 10);
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        Assert.Equal(BackupJobState.Running, job.State);

        await t.Backup().StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = job.BackupJobId });

        var stopped = await t.Backup().DescribeBackupJobAsync(new DescribeBackupJobRequest { BackupJobId = job.BackupJobId });
        Assert.Equal(BackupJobState.Aborted, stopped.State);
        Assert.Equal(t.Time.GetUtcNow(), stopped.CompletionDate);
        Assert.Empty(await t.Backup().PointsAsync("v1"));
        Assert.Empty(await t.Ec2.ListSnapshotsAsync());
        Assert.Equal(2, t.StoredChunks); // the volume's two written blocks; the snapshot held none of its own
        Assert.Equal(job.BackupJobId, Assert.Single((await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest { ByState = BackupJobState.Aborted })).BackupJobs).BackupJobId);
    }

    [Fact]
    public async Task StopBackupJob_CompletedOrAbortedOrUnknown_RefusedChangingNothing()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = job.BackupJobId }).AsTask(), EbsErrorCodes.InvalidRequestException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = "00000000-0000-0000-0000-000000000000" }).AsTask(), EbsErrorCodes.ResourceNotFoundException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = "" }).AsTask(), EbsErrorCodes.MissingParameterValueException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Cloud.Account("222222222222").Backup(TestCloud.Region).StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = job.BackupJobId }).AsTask(), EbsErrorCodes.ResourceNotFoundException);

        var second = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        await t.Backup().StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = second.BackupJobId });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().StopBackupJobAsync(new StopBackupJobRequest { BackupJobId = second.BackupJobId }).AsTask(), EbsErrorCodes.InvalidRequestException);
    }

    [Fact]
    public async Task ListRestoreJobs_FiltersAndPages_OldestFirst()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var first = t.Time.GetUtcNow();
        await t.Backup().RestoreAsync(job.RecoveryPointArn!);
        t.Time.Advance(TimeSpan.FromMinutes(10));
        await t.Backup().RestoreAsync(job.RecoveryPointArn!, "us-east-1b");

        var all = (await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest())).RestoreJobs;
        Assert.Equal([first, first.AddMinutes(10)], all.Select(j => j.CreationDate));
        Assert.All(all, j => Assert.Equal(RestoreJobStatus.Completed, j.Status));

        var page1 = await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { MaxResults = 1 });
        var page2 = await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { MaxResults = 1, NextToken = page1.NextToken });
        Assert.Equal(all.Select(j => j.RestoreJobId), page1.RestoreJobs.Concat(page2.RestoreJobs).Select(j => j.RestoreJobId));
        Assert.Null(page2.NextToken);

        Assert.Equal(all[1].RestoreJobId, Assert.Single((await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { ByCreatedAfter = first })).RestoreJobs).RestoreJobId);
        Assert.Equal(all[0].RestoreJobId, Assert.Single((await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { ByCompleteBefore = first.AddMinutes(5) })).RestoreJobs).RestoreJobId);
        Assert.Equal(2, (await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { ByResourceType = "EBS", ByAccountId = TestCloud.Account })).RestoreJobs.Count);
        Assert.Empty((await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { ByResourceType = "EFS" })).RestoreJobs);
        Assert.Empty((await t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { ByStatus = RestoreJobStatus.Failed })).RestoreJobs);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { MaxResults = 1001 }).AsTask(), EbsErrorCodes.InvalidParameterValueException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().ListRestoreJobsAsync(new ListRestoreJobsRequest { ByAccountId = "12" }).AsTask(), EbsErrorCodes.InvalidParameterValueException);
    }

    [Fact]
    public async Task ListCopyJobs_ByStateDestinationAndSource_AsDescribeCopyJobShowsThem()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], 10);
        await t.Backup().CreateVaultAsync("v1");
        await t.Backup().CreateVaultAsync("v2");
        await t.Cloud.Account(TestCloud.Account).Backup("eu-west-1").CreateVaultAsync("dr");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        var toDr = await t.Backup().StartCopyJobAsync(new StartCopyJobRequest { RecoveryPointArn = job.RecoveryPointArn!, SourceBackupVaultName = "v1", DestinationBackupVaultArn = DrVaultArn, IamRoleArn = BackupShorthands.Role });
        var created = Assert.Single((await t.Backup().ListCopyJobsAsync(new ListCopyJobsRequest { ByState = CopyJobState.Created })).CopyJobs);
        Assert.Equal((await t.Backup().DescribeCopyJobAsync(new DescribeCopyJobRequest { CopyJobId = toDr.CopyJobId })).CopyJob, created);

        t.Time.Advance(TimeSpan.FromMinutes(1));
        var v2Arn = $"arn:aws:backup:{TestCloud.Region}:{TestCloud.Account}:backup-vault:v2";
        var toV2 = await t.Backup().StartCopyJobAsync(new StartCopyJobRequest { RecoveryPointArn = job.RecoveryPointArn!, SourceBackupVaultName = "v1", DestinationBackupVaultArn = v2Arn, IamRoleArn = BackupShorthands.Role });

        t.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal([toDr.CopyJobId, toV2.CopyJobId], (await t.Backup().ListCopyJobsAsync(new ListCopyJobsRequest())).CopyJobs.Select(j => j.CopyJobId));
        Assert.Empty((await t.Backup().ListCopyJobsAsync(new ListCopyJobsRequest { ByState = CopyJobState.Created })).CopyJobs);
        Assert.Equal(toV2.CopyJobId, Assert.Single((await t.Backup().ListCopyJobsAsync(new ListCopyJobsRequest { ByDestinationVaultArn = v2Arn })).CopyJobs).CopyJobId);
        Assert.Equal(2, (await t.Backup().ListCopyJobsAsync(new ListCopyJobsRequest { BySourceRecoveryPointArn = job.RecoveryPointArn, ByResourceArn = BackupShorthands.VolumeArn(volume.VolumeId), ByState = CopyJobState.Completed })).CopyJobs.Count);
        Assert.Equal(toDr.CopyJobId, Assert.Single((await t.Backup().ListCopyJobsAsync(new ListCopyJobsRequest { ByCreatedBefore = toV2.CreationDate })).CopyJobs).CopyJobId);
        Assert.Empty((await t.Cloud.Account(TestCloud.Account).Backup("eu-west-1").ListCopyJobsAsync(new ListCopyJobsRequest())).CopyJobs);
    }
}
