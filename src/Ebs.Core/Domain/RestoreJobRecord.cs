namespace Ebs.Core.Domain;

/// <summary>The stored form of a restore job: a new volume made from a recovery point, running until the volume is available.</summary>
internal sealed record RestoreJobRecord
{
    public required string RestoreJobId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string RecoveryPointArn { get; init; }

    public required string BackupVaultArn { get; init; }

    public required string SourceResourceArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset CompletesAt { get; init; }

    public required string CreatedResourceArn { get; init; }

    public required long BackupSizeInBytes { get; init; }

    public string? IamRoleArn { get; init; }

    public required DateTimeOffset RecoveryPointCreationDate { get; init; }

    public RestoreJobStatus StatusAt(DateTimeOffset now) => now < CompletesAt ? RestoreJobStatus.Running : RestoreJobStatus.Completed;
}
