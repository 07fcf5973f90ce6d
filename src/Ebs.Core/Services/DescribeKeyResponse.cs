using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeKey.</summary>
public sealed record DescribeKeyResponse
{
    internal DescribeKeyResponse()
    {
    }

    /// <summary>Gets the key.</summary>
    public required KeyMetadata KeyMetadata { get; init; }
}
