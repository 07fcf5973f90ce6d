using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListBackupPlans: one page of the caller's plans in the Region, by id.</summary>
public sealed record ListBackupPlansResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListBackupPlansResponse()
    {
    }

    /// <summary>Gets the plans.</summary>
    public required ValueList<BackupPlansListMember> BackupPlansList { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
