using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of GetBackupVaultAccessPolicy: the vault's policy.</summary>
public sealed record GetBackupVaultAccessPolicyResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal GetBackupVaultAccessPolicyResponse()
    {
    }

    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the vault's ARN.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets the policy document, as it was put.</summary>
    public required string Policy { get; init; }
}
