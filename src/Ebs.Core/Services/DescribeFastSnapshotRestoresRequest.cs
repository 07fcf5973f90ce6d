namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeFastSnapshotRestores. Filters: <c>availability-zone</c>,
/// <c>owner-id</c> (the account that enabled it), <c>snapshot-id</c>, <c>state</c>.</summary>
public sealed record DescribeFastSnapshotRestoresRequest
{
    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>Gets the most items to return in one page: 1 to 200; <see langword="null"/> returns every item at once.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
