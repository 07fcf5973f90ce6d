namespace Ebs.Core.Services;

/// <summary>The parameters of GetBackupVaultAccessPolicy.</summary>
public sealed record GetBackupVaultAccessPolicyRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }
}
