namespace Ebs.Core.Domain;

/// <summary>A restore job as ListRestoreJobs lists it (AWS Backup's <c>RestoreJobsListMember</c>).</summary>
public sealed record RestoreJobsListMember
{
    /// <summary>Gets the account that owns the job.</summary>
    public required string AccountId { get; init; }

    /// <summary>Gets the restore job's id, a UUID.</summary>
    public required string RestoreJobId { get; init; }

    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN <c>arn:aws:ec2:{region}::snapshot/snap-…</c>.</summary>
    public required string RecoveryPointArn { get; init; }

    /// <summary>Gets the backed-up volume's ARN.</summary>
    public required string SourceResourceArn { get; init; }

    /// <summary>Gets the vault's ARN.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when the new volume became available.</summary>
    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>Gets the status at the call.</summary>
    public required RestoreJobStatus Status { get; init; }

    /// <summary>Gets the progress as AWS writes it.</summary>
    public required string PercentDone { get; init; }

    /// <summary>Gets the recovery point's size.</summary>
    public required long BackupSizeInBytes { get; init; }

    /// <summary>Gets the role AWS Backup assumed.</summary>
    public string? IamRoleArn { get; init; }

    /// <summary>Gets the new volume's ARN, <c>arn:aws:ec2:{region}:{account}:volume/vol-…</c>.</summary>
    public required string CreatedResourceArn { get; init; }

    /// <summary>Gets the resource type, <c>EBS</c>.</summary>
    public required string ResourceType { get; init; }

    /// <summary>Gets when the recovery point was created.</summary>
    public required DateTimeOffset RecoveryPointCreationDate { get; init; }
}
