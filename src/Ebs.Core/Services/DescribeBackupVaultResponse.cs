using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of DescribeBackupVault: the vault.</summary>
public sealed record DescribeBackupVaultResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeBackupVaultResponse()
    {
    }

    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the vault's ARN, <c>arn:aws:backup:{region}:{account}:backup-vault:{name}</c>.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets the KMS key ARN the vault was created with (EBS recovery points keep their volume's encryption instead).</summary>
    public required string EncryptionKeyArn { get; init; }

    /// <summary>Gets when the vault was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the idempotency token it was created with, if any.</summary>
    public string? CreatorRequestId { get; init; }

    /// <summary>Gets how many recovery points the vault holds.</summary>
    public required long NumberOfRecoveryPoints { get; init; }

    /// <summary>Gets whether Vault Lock protects the vault's recovery points.</summary>
    public required bool Locked { get; init; }

    /// <summary>Gets the lock's shortest retention, if any.</summary>
    public long? MinRetentionDays { get; init; }

    /// <summary>Gets the lock's longest retention, if any.</summary>
    public long? MaxRetentionDays { get; init; }

    /// <summary>Gets when the lock becomes immutable (compliance mode); <see langword="null"/> in governance mode.</summary>
    public DateTimeOffset? LockDate { get; init; }
}
