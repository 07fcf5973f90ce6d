using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListBackupSelections: one page of the plan's selections, by id.</summary>
public sealed record ListBackupSelectionsResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListBackupSelectionsResponse()
    {
    }

    /// <summary>Gets the selections.</summary>
    public required ValueList<BackupSelectionsListMember> BackupSelectionsList { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
