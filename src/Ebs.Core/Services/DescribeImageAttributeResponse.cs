using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeImageAttribute: the image and the attribute asked for (the others are empty or <see langword="null"/>).</summary>
public sealed record DescribeImageAttributeResponse
{
    internal DescribeImageAttributeResponse()
    {
    }

    /// <summary>Gets the image.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the description, when asked for.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the launchPermission grants: accounts, and the group <c>all</c> when public.</summary>
    public ValueList<LaunchPermission> LaunchPermissions { get; init; } = ValueList<LaunchPermission>.Empty;

    /// <summary>Gets the product codes, always empty.</summary>
    public ValueList<ProductCode> ProductCodes { get; init; } = ValueList<ProductCode>.Empty;

    /// <summary>Gets the block device mappings, when asked for.</summary>
    public ValueList<BlockDeviceMapping> BlockDeviceMappings { get; init; } = ValueList<BlockDeviceMapping>.Empty;
}
