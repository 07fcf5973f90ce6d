namespace Ebs.Core.Services;

/// <summary>The result of CancelKeyDeletion.</summary>
public sealed record CancelKeyDeletionResponse
{
    internal CancelKeyDeletionResponse()
    {
    }

    /// <summary>Gets the key ARN.</summary>
    public required string KeyId { get; init; }
}
