using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeImageAttribute.</summary>
public sealed record DescribeImageAttributeRequest
{
    /// <summary>Gets the image.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the attribute to describe.</summary>
    public required ImageAttributeName Attribute { get; init; }
}
