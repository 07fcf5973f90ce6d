namespace Ebs.Core.Services;

/// <summary>The parameters of ListBackupSelections: the plan and the paging.</summary>
public sealed record ListBackupSelectionsRequest
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the most items to return, 1 to 1000; all when not given.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to return, from the previous page.</summary>
    public string? NextToken { get; init; }
}
