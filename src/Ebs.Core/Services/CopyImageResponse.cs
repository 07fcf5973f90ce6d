using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CopyImage.</summary>
public sealed record CopyImageResponse
{
    internal CopyImageResponse()
    {
    }

    /// <summary>Gets the id of the new image in the destination Region.</summary>
    public required ImageId ImageId { get; init; }
}
