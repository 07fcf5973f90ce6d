using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ResetImageAttribute.</summary>
public sealed record ResetImageAttributeRequest
{
    /// <summary>Gets the image.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the attribute to reset: only <see cref="ImageAttributeName.LaunchPermission"/> can be (AWS's <c>ResetImageAttributeName</c>).</summary>
    public required ImageAttributeName Attribute { get; init; }
}
