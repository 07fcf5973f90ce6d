using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListRecoveryPointsByBackupVault: one page of the vault's recovery points, oldest first.</summary>
public sealed record ListRecoveryPointsByBackupVaultResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListRecoveryPointsByBackupVaultResponse()
    {
    }

    /// <summary>Gets the recovery points.</summary>
    public required ValueList<RecoveryPointByBackupVault> RecoveryPoints { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
