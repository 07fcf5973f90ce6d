using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of EnableImageDeregistrationProtection.</summary>
public sealed record EnableImageDeregistrationProtectionRequest
{
    /// <summary>Gets the image to protect from deregistration.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets whether the protection lasts 24 hours after it is disabled.</summary>
    /// <value>The default is <see langword="false"/>, as AWS's.</value>
    public bool WithCooldown { get; init; }
}
