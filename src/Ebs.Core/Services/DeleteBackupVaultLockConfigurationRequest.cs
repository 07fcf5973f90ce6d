namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteBackupVaultLockConfiguration.</summary>
public sealed record DeleteBackupVaultLockConfigurationRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }
}
