namespace Ebs.Core.Services;

/// <summary>The parameters of ListBackupPlans: the paging.</summary>
public sealed record ListBackupPlansRequest
{
    /// <summary>Gets the most items to return, 1 to 1000; all when not given.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to return, from the previous page.</summary>
    public string? NextToken { get; init; }
}
