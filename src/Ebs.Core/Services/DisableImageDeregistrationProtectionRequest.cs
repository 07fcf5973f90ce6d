using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DisableImageDeregistrationProtection.</summary>
public sealed record DisableImageDeregistrationProtectionRequest
{
    /// <summary>Gets the image whose deregistration protection to disable.</summary>
    public required ImageId ImageId { get; init; }
}
