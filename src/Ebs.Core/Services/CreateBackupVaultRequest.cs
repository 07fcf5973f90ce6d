namespace Ebs.Core.Services;

/// <summary>The parameters of CreateBackupVault.</summary>
public sealed record CreateBackupVaultRequest
{
    /// <summary>Gets the vault's name: 2 to 50 letters, digits, <c>-</c> or <c>_</c>, unique in the account and Region.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the vault's tags.</summary>
    public IReadOnlyDictionary<string, string>? BackupVaultTags { get; init; }

    /// <summary>Gets the KMS key ARN; the default is the <c>aws/backup</c> key's.</summary>
    public string? EncryptionKeyArn { get; init; }

    /// <summary>Gets an idempotency token: a repeated call with it returns the vault it created.</summary>
    public string? CreatorRequestId { get; init; }
}
