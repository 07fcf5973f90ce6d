using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The parameters of DescribeSnapshots. Filters: <c>snapshot-id</c>, <c>volume-id</c>,
/// <c>status</c>, <c>owner-id</c>, <c>description</c>, <c>volume-size</c>, <c>tag:KEY</c>, <c>tag-key</c>.
/// </summary>
public sealed class DescribeSnapshotsRequest
{
    /// <summary>Gets the snapshots to describe; each must exist. Empty for all.</summary>
    public IReadOnlyList<SnapshotId> SnapshotIds { get; init; } = [];

    /// <summary>Gets the owners to list (account ids, <c>self</c> or <c>amazon</c>). Empty for all the caller can see.</summary>
    public IReadOnlyList<string> OwnerIds { get; init; } = [];

    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];
}
