namespace Ebs.Core.Domain;

/// <summary>A copy job (AWS Backup's <c>CopyJob</c>): created until its source recovery point completes, running while the snapshot copy is pending, then completed or failed.</summary>
public sealed record CopyJob
{
    /// <summary>Gets the account that owns the job.</summary>
    public required string AccountId { get; init; }

    /// <summary>Gets the job's id, a UUID.</summary>
    public required string CopyJobId { get; init; }

    /// <summary>Gets the source vault's ARN.</summary>
    public required string SourceBackupVaultArn { get; init; }

    /// <summary>Gets the source recovery point's ARN.</summary>
    public required string SourceRecoveryPointArn { get; init; }

    /// <summary>Gets the destination vault's ARN.</summary>
    public required string DestinationBackupVaultArn { get; init; }

    /// <summary>Gets the copy's ARN (the new EC2 snapshot ARN in the destination Region), once the copy started.</summary>
    public string? DestinationRecoveryPointArn { get; init; }

    /// <summary>Gets the copy's lifecycle.</summary>
    public Lifecycle? DestinationRecoveryPointLifecycle { get; init; }

    /// <summary>Gets the backed-up volume's ARN.</summary>
    public required string ResourceArn { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when it completed or failed.</summary>
    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>Gets the state at the call.</summary>
    public required CopyJobState State { get; init; }

    /// <summary>Gets why the job failed, if it did.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Gets the recovery point's size.</summary>
    public required long BackupSizeInBytes { get; init; }

    /// <summary>Gets the role AWS Backup assumed.</summary>
    public required string IamRoleArn { get; init; }

    /// <summary>Gets the plan and rule whose copy action made it; <see langword="null"/> for StartCopyJob.</summary>
    public RecoveryPointCreator? CreatedBy { get; init; }

    /// <summary>Gets the resource type, <c>EBS</c>.</summary>
    public required string ResourceType { get; init; }
}
