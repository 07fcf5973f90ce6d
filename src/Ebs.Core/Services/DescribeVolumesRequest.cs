using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeVolumes. Filters: <c>volume-id</c>, <c>status</c>,
/// <c>availability-zone</c>, <c>snapshot-id</c>, <c>size</c>, <c>fast-restored</c>, <c>volume-type</c>, <c>iops</c>, <c>throughput</c>, <c>tag:KEY</c>, <c>tag-key</c>.</summary>
public sealed record DescribeVolumesRequest
{
    /// <summary>Gets the volumes to describe; each must exist. Empty for all.</summary>
    public IReadOnlyList<VolumeId> VolumeIds { get; init; } = [];

    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>
    /// Gets the most items to return in one page: 5 to 1,000, more being read as 1,000;
    /// <see langword="null"/> returns every item at once. It cannot be given with <see cref="VolumeIds"/> (<c>InvalidParameterCombination</c>).
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
