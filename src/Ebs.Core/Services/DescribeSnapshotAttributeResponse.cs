using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeSnapshotAttribute: the snapshot and the attribute asked for (the other list is empty).</summary>
public sealed record DescribeSnapshotAttributeResponse
{
    internal DescribeSnapshotAttributeResponse()
    {
    }

    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the createVolumePermission grants: accounts, and the group <c>all</c> when public.</summary>
    public ValueList<CreateVolumePermission> CreateVolumePermissions { get; init; } = ValueList<CreateVolumePermission>.Empty;

    /// <summary>Gets the product codes, always empty.</summary>
    public ValueList<ProductCode> ProductCodes { get; init; } = ValueList<ProductCode>.Empty;
}
