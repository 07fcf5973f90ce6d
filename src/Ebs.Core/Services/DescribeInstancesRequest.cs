using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeInstances. Filters: <c>instance-id</c>, <c>instance-state-name</c>, <c>instance-state-code</c>, <c>image-id</c>, <c>availability-zone</c>, <c>reservation-id</c>, <c>root-device-type</c>, <c>block-device-mapping.volume-id</c>, <c>tag:KEY</c>, <c>tag-key</c>.</summary>
public sealed record DescribeInstancesRequest
{
    /// <summary>Gets the instances to describe; each must exist. Empty for all.</summary>
    public IReadOnlyList<InstanceId> InstanceIds { get; init; } = [];

    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>Gets the most instances to return in one page: 5 to 1,000, more being read as 1,000; <see langword="null"/> returns every instance at once. It cannot be given with <see cref="InstanceIds"/> (<c>InvalidParameterCombination</c>).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
