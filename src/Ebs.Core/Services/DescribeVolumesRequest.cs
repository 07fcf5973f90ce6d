using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The parameters of DescribeVolumes. Filters: <c>volume-id</c>, <c>status</c>,
/// <c>availability-zone</c>, <c>snapshot-id</c>, <c>size</c>, <c>tag:KEY</c>, <c>tag-key</c>.
/// </summary>
public sealed class DescribeVolumesRequest
{
    /// <summary>Gets the volumes to describe; each must exist. Empty for all.</summary>
    public IReadOnlyList<VolumeId> VolumeIds { get; init; } = [];

    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];
}
