namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeKey: describes a key.</summary>
public sealed record DescribeKeyRequest
{
    /// <summary>Gets the key: its id, its ARN, an alias name (<c>alias/…</c>) or an alias ARN.</summary>
    public required string KeyId { get; init; }
}
