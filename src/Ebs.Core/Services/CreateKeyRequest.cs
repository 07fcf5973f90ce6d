namespace Ebs.Core.Services;

/// <summary>The parameters of CreateKey: creates a customer managed symmetric encryption key.</summary>
public sealed record CreateKeyRequest
{
    /// <summary>Gets the key's description; empty by default (at most 8,192 characters).</summary>
    public string Description { get; init; } = string.Empty;
}
