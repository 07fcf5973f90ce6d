namespace Ebs.Core.Services;

/// <summary>The parameters of EnableKey: enables a disabled key.</summary>
public sealed record EnableKeyRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }
}
