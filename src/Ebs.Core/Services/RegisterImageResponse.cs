using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of RegisterImage.</summary>
public sealed record RegisterImageResponse
{
    internal RegisterImageResponse()
    {
    }

    /// <summary>Gets the id of the new image.</summary>
    public required ImageId ImageId { get; init; }
}
