using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CreateKey.</summary>
public sealed record CreateKeyResponse
{
    internal CreateKeyResponse()
    {
    }

    /// <summary>Gets the new key.</summary>
    public required KeyMetadata KeyMetadata { get; init; }
}
