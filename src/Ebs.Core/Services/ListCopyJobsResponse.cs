using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListCopyJobs: one page of the caller's copy jobs from the Region, oldest first.</summary>
public sealed record ListCopyJobsResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListCopyJobsResponse()
    {
    }

    /// <summary>Gets the jobs.</summary>
    public required ValueList<CopyJob> CopyJobs { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? NextToken { get; init; }
}
