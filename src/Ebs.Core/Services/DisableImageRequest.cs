using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DisableImage.</summary>
public sealed record DisableImageRequest
{
    /// <summary>Gets the image to disable.</summary>
    public required ImageId ImageId { get; init; }
}
