using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ListRestoreJobs: filters and paging.</summary>
public sealed record ListRestoreJobsRequest
{
    /// <summary>Gets the account to list jobs of; only the caller's own are listed.</summary>
    public string? ByAccountId { get; init; }

    /// <summary>Gets the resource type to list jobs of, such as <c>EBS</c>.</summary>
    public string? ByResourceType { get; init; }

    /// <summary>Gets the instant before which the jobs were created.</summary>
    public DateTimeOffset? ByCreatedBefore { get; init; }

    /// <summary>Gets the instant after which the jobs were created.</summary>
    public DateTimeOffset? ByCreatedAfter { get; init; }

    /// <summary>Gets the status to list jobs in.</summary>
    public RestoreJobStatus? ByStatus { get; init; }

    /// <summary>Gets the instant before which the jobs completed.</summary>
    public DateTimeOffset? ByCompleteBefore { get; init; }

    /// <summary>Gets the instant after which the jobs completed.</summary>
    public DateTimeOffset? ByCompleteAfter { get; init; }

    /// <summary>Gets the most items to return, 1 to 1000; all when not given.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to return, from the previous page.</summary>
    public string? NextToken { get; init; }
}
