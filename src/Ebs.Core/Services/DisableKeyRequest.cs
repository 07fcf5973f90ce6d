namespace Ebs.Core.Services;

/// <summary>The parameters of DisableKey: disables a key.</summary>
public sealed record DisableKeyRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }
}
