using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DisableImageDeprecation.</summary>
public sealed record DisableImageDeprecationRequest
{
    /// <summary>Gets the image whose deprecation to cancel.</summary>
    public required ImageId ImageId { get; init; }
}
