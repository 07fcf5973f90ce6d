using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of EnableImage.</summary>
public sealed record EnableImageRequest
{
    /// <summary>Gets the disabled image to enable again.</summary>
    public required ImageId ImageId { get; init; }
}
