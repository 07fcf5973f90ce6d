namespace Ebs.Core.Domain;

/// <summary>A backup job as ListBackupJobs lists it (AWS Backup's <c>BackupJob</c>).</summary>
public sealed record BackupJob
{
    /// <summary>Gets the account that owns the job.</summary>
    public required string AccountId { get; init; }

    /// <summary>Gets the job's id, a UUID.</summary>
    public required string BackupJobId { get; init; }

    /// <summary>Gets the target vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the target vault's ARN.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets the recovery point's ARN (the EC2 snapshot ARN), or <see langword="null"/> when the job failed.</summary>
    public string? RecoveryPointArn { get; init; }

    /// <summary>Gets the recovery point's lifecycle.</summary>
    public Lifecycle? RecoveryPointLifecycle { get; init; }

    /// <summary>Gets the volume's ARN.</summary>
    public required string ResourceArn { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when it completed or failed.</summary>
    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>Gets the job's state at the call.</summary>
    public required BackupJobState State { get; init; }

    /// <summary>Gets why the job failed, if it did.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Gets the progress as AWS writes it, such as <c>"100.0"</c>.</summary>
    public required string PercentDone { get; init; }

    /// <summary>Gets the volume's provisioned size, as AWS reports it for EBS.</summary>
    public required long BackupSizeInBytes { get; init; }

    /// <summary>Gets the role AWS Backup assumed.</summary>
    public required string IamRoleArn { get; init; }

    /// <summary>Gets the plan and rule of a scheduled job; <see langword="null"/> for an on-demand one.</summary>
    public RecoveryPointCreator? CreatedBy { get; init; }

    /// <summary>Gets the resource type, <c>EBS</c>.</summary>
    public required string ResourceType { get; init; }

    /// <summary>Gets when the start window closes.</summary>
    public required DateTimeOffset StartBy { get; init; }
}
