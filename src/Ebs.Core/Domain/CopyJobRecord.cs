namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a copy job. It waits (created) until its source recovery point completes,
/// when the scheduler copies the snapshot; then it runs until the copy completes. A job that could
/// not copy is failed, with why.
/// </summary>
internal sealed record CopyJobRecord
{
    public required string CopyJobId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string SourceBackupVaultName { get; init; }

    public required SnapshotId SourceSnapshotId { get; init; }

    public required string DestinationBackupVaultArn { get; init; }

    public string? DestinationRecoveryPointArn { get; init; }

    /// <summary>Gets the lifecycle the job was given, or <see langword="null"/> to take the source point's.</summary>
    public Lifecycle? Lifecycle { get; init; }

    public required string ResourceArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when the copy starts: when the source recovery point completes.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Gets when the copy completes, once it started.</summary>
    public DateTimeOffset? CompletesAt { get; init; }

    public string? StatusMessage { get; init; }

    public required long BackupSizeInBytes { get; init; }

    public required string IamRoleArn { get; init; }

    public RecoveryPointCreator? CreatedBy { get; init; }

    public CopyJobState StateAt(DateTimeOffset now)
        => StatusMessage is not null ? CopyJobState.Failed
            : CompletesAt is not { } done ? CopyJobState.Created
            : now < done ? CopyJobState.Running
            : CopyJobState.Completed;
}
