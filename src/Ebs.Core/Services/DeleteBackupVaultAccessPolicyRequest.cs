namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteBackupVaultAccessPolicy.</summary>
public sealed record DeleteBackupVaultAccessPolicyRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }
}
