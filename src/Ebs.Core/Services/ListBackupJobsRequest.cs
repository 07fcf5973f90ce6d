using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ListBackupJobs: filters and paging.</summary>
public sealed record ListBackupJobsRequest
{
    /// <summary>Gets the volume ARN to list jobs of.</summary>
    public string? ByResourceArn { get; init; }

    /// <summary>Gets the state to list jobs in.</summary>
    public BackupJobState? ByState { get; init; }

    /// <summary>Gets the vault to list jobs of.</summary>
    public string? ByBackupVaultName { get; init; }

    /// <summary>Gets the most items to return, 1 to 1000; all when not given.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to return, from the previous page.</summary>
    public string? NextToken { get; init; }
}
