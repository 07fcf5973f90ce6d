namespace Ebs.Core.Services;

/// <summary>The parameters of CancelKeyDeletion: cancels a key's scheduled deletion.</summary>
public sealed record CancelKeyDeletionRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }
}
