namespace Ebs.Core.Domain;

/// <summary>A recovery point as ListRecoveryPointsByBackupVault lists it (AWS Backup's <c>RecoveryPointByBackupVault</c>).</summary>
public sealed record RecoveryPointByBackupVault
{
    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN <c>arn:aws:ec2:{region}::snapshot/snap-…</c>.</summary>
    public required string RecoveryPointArn { get; init; }

    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the vault's ARN.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets the vault a copy came from; <see langword="null"/> for a backup.</summary>
    public string? SourceBackupVaultArn { get; init; }

    /// <summary>Gets the backed-up volume's ARN.</summary>
    public required string ResourceArn { get; init; }

    /// <summary>Gets the resource type, <c>EBS</c>.</summary>
    public required string ResourceType { get; init; }

    /// <summary>Gets the plan and rule that made it; <see langword="null"/> when on demand.</summary>
    public RecoveryPointCreator? CreatedBy { get; init; }

    /// <summary>Gets the role AWS Backup assumed.</summary>
    public required string IamRoleArn { get; init; }

    /// <summary>Gets the status at the call.</summary>
    public required RecoveryPointStatus Status { get; init; }

    /// <summary>Gets when it was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when its snapshot completed.</summary>
    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>Gets the volume's provisioned size.</summary>
    public required long BackupSizeInBytes { get; init; }

    /// <summary>Gets when it moves to cold storage and is deleted.</summary>
    public required CalculatedLifecycle CalculatedLifecycle { get; init; }

    /// <summary>Gets its lifecycle.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>Gets whether its snapshot is encrypted, as its volume was (EBS ignores the vault's key); <see langword="false"/> while this library's volumes are unencrypted.</summary>
    public bool IsEncrypted { get; init; }
}
