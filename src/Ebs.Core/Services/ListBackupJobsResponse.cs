using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListBackupJobs: one page of the caller's jobs in the Region, oldest first.</summary>
public sealed record ListBackupJobsResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListBackupJobsResponse()
    {
    }

    /// <summary>Gets the jobs.</summary>
    public required ValueList<BackupJob> BackupJobs { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
