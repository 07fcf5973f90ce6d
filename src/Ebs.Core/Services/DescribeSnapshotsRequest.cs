using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeSnapshots. Filters: <c>snapshot-id</c>, <c>volume-id</c>,
/// <c>status</c>, <c>owner-id</c>, <c>description</c>, <c>volume-size</c>, <c>storage-tier</c> (<c>standard</c> or <c>archive</c>), <c>tag:KEY</c>, <c>tag-key</c>.</summary>
public sealed record DescribeSnapshotsRequest
{
    /// <summary>Gets the snapshots to describe; each must exist. Empty for all.</summary>
    public IReadOnlyList<SnapshotId> SnapshotIds { get; init; } = [];

    /// <summary>Gets the owners to list (account ids, <c>self</c> or <c>amazon</c>). Empty for all the caller can see.</summary>
    public IReadOnlyList<string> OwnerIds { get; init; } = [];

    /// <summary>
    /// Gets the accounts that must be able to create volumes from the snapshots: <c>all</c> for public snapshots,
    /// <c>self</c> for those the caller owns or that are shared with it explicitly, an account id for the caller's
    /// snapshots shared with that account. Empty for no such scope.
    /// </summary>
    public IReadOnlyList<string> RestorableByUserIds { get; init; } = [];

    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>
    /// Gets the most items to return in one page: 5 to 1,000, more being read as 1,000;
    /// <see langword="null"/> returns every item at once. It cannot be given with <see cref="SnapshotIds"/> (<c>InvalidParameterCombination</c>).
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
