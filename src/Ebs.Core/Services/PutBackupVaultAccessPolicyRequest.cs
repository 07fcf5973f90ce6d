namespace Ebs.Core.Services;

/// <summary>The parameters of PutBackupVaultAccessPolicy.</summary>
public sealed record PutBackupVaultAccessPolicyRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the policy, an IAM JSON document with a <c>Statement</c> list.</summary>
    public required string Policy { get; init; }
}
