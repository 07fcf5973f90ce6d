using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of EnableImageBlockPublicAccess.</summary>
public sealed record EnableImageBlockPublicAccessRequest
{
    /// <summary>Gets the mode: only <see cref="ImageBlockPublicAccessState.BlockNewSharing"/>.</summary>
    public required ImageBlockPublicAccessState ImageBlockPublicAccessState { get; init; }
}
