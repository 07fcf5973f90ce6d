using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListRestoreJobs: one page of the caller's restore jobs in the Region, oldest first.</summary>
public sealed record ListRestoreJobsResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListRestoreJobsResponse()
    {
    }

    /// <summary>Gets the jobs.</summary>
    public required ValueList<RestoreJobsListMember> RestoreJobs { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
