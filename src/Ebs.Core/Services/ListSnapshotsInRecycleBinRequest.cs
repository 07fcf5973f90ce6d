using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ListSnapshotsInRecycleBin.</summary>
public sealed record ListSnapshotsInRecycleBinRequest
{
    /// <summary>Gets the snapshots to list; each must be in the bin. Empty for all.</summary>
    public IReadOnlyList<SnapshotId> SnapshotIds { get; init; } = [];

    /// <summary>Gets the most items to return in one page: 5 to 1,000, more being read as 1,000; <see langword="null"/> returns every item at once.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
