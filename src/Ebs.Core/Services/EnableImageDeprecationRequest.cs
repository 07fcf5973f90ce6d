using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of EnableImageDeprecation.</summary>
public sealed record EnableImageDeprecationRequest
{
    /// <summary>Gets the image to deprecate.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the instant the image becomes deprecated: rounded to the nearest minute, as AWS's; not in the past and at most 10 years ahead.</summary>
    public required DateTimeOffset DeprecateAt { get; init; }
}
