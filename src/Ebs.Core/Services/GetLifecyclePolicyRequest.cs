namespace Ebs.Core.Services;

/// <summary>The parameters of GetLifecyclePolicy.</summary>
public sealed record GetLifecyclePolicyRequest
{
    /// <summary>Gets the policy's id.</summary>
    public required string PolicyId { get; init; }
}
