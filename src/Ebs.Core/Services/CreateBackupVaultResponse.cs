using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of CreateBackupVault: the new vault.</summary>
public sealed record CreateBackupVaultResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal CreateBackupVaultResponse()
    {
    }

    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the vault's ARN.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets when the vault was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }
}
