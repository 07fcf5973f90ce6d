namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteBackupVault.</summary>
public sealed record DeleteBackupVaultRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }
}
