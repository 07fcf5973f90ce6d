using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of EnableImageBlockPublicAccess.</summary>
public sealed record EnableImageBlockPublicAccessResponse
{
    internal EnableImageBlockPublicAccessResponse()
    {
    }

    /// <summary>Gets the mode now in force.</summary>
    public required ImageBlockPublicAccessState ImageBlockPublicAccessState { get; init; }
}
