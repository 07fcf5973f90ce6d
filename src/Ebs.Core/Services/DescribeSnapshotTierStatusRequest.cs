namespace Ebs.Core.Services;

/// <summary>
/// The parameters of DescribeSnapshotTierStatus. Filters: <c>snapshot-id</c>, <c>volume-id</c>,
/// <c>last-tiering-operation</c> (a <see cref="Domain.TieringOperationStatus"/> string).
/// </summary>
public sealed record DescribeSnapshotTierStatusRequest
{
    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>
    /// Gets the most items to return in one page: 5 to 1,000, more being read as 1,000 (AWS's model
    /// states no range, so the library applies DescribeSnapshots'); <see langword="null"/> returns every item at once.
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
