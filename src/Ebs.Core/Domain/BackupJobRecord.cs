namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a backup job. A job that made its recovery point is running until the
/// snapshot completes, then completed; a refused one is failed from the start, with why.
/// </summary>
internal sealed record BackupJobRecord
{
    public required string BackupJobId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string BackupVaultName { get; init; }

    public required string ResourceArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset StartBy { get; init; }

    /// <summary>Gets when the job completes (its snapshot completes), or <see langword="null"/> for a failed job.</summary>
    public DateTimeOffset? CompletesAt { get; init; }

    public string? StatusMessage { get; init; }

    public string? RecoveryPointArn { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public required long BackupSizeInBytes { get; init; }

    public required string IamRoleArn { get; init; }

    public RecoveryPointCreator? CreatedBy { get; init; }

    /// <summary>Gets when StopBackupJob aborted the job, or <see langword="null"/>.</summary>
    public DateTimeOffset? AbortedAt { get; init; }

    public BackupJobState StateAt(DateTimeOffset now)
        => AbortedAt is not null ? BackupJobState.Aborted
            : CompletesAt is not { } done ? BackupJobState.Failed
            : now < done ? BackupJobState.Running
            : BackupJobState.Completed;
}
