using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The parameters of DescribeVolumesModifications. Filters: <c>volume-id</c>, <c>modification-state</c>,
/// <c>target-size</c>, <c>target-iops</c>, <c>target-volume-type</c>, <c>target-throughput</c>,
/// <c>original-size</c>, <c>original-iops</c>, <c>original-volume-type</c>, <c>original-throughput</c>.
/// </summary>
public sealed record DescribeVolumesModificationsRequest
{
    /// <summary>Gets the volumes whose most recent modification to describe; each must exist. Empty for all.</summary>
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
