namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeBackupVault.</summary>
public sealed record DescribeBackupVaultRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }
}
