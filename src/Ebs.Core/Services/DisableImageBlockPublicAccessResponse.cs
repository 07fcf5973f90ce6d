using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DisableImageBlockPublicAccess.</summary>
public sealed record DisableImageBlockPublicAccessResponse
{
    internal DisableImageBlockPublicAccessResponse()
    {
    }

    /// <summary>Gets the mode now in force: <see cref="ImageBlockPublicAccessState.Unblocked"/>.</summary>
    public required ImageBlockPublicAccessState ImageBlockPublicAccessState { get; init; }
}
