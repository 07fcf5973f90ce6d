using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetImageBlockPublicAccessState.</summary>
public sealed record GetImageBlockPublicAccessStateResponse
{
    internal GetImageBlockPublicAccessStateResponse()
    {
    }

    /// <summary>Gets the mode in force.</summary>
    public required ImageBlockPublicAccessState ImageBlockPublicAccessState { get; init; }
}
