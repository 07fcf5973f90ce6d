namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteLifecyclePolicy.</summary>
public sealed record DeleteLifecyclePolicyRequest
{
    /// <summary>Gets the policy's id.</summary>
    public required string PolicyId { get; init; }
}
