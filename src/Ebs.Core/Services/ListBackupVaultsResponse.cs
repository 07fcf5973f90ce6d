using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListBackupVaults: one page of the caller's vaults in the Region, by name.</summary>
public sealed record ListBackupVaultsResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListBackupVaultsResponse()
    {
    }

    /// <summary>Gets the vaults.</summary>
    public required ValueList<BackupVaultListMember> BackupVaultList { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
