using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of UpdateLifecyclePolicy: what is given replaces what the policy has.</summary>
public sealed record UpdateLifecyclePolicyRequest
{
    /// <summary>Gets the policy's id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Gets the new IAM role, or <see langword="null"/> to keep it.</summary>
    public string? ExecutionRoleArn { get; init; }

    /// <summary>Gets the new state, or <see langword="null"/> to keep it.</summary>
    public SettablePolicyStateValues? State { get; init; }

    /// <summary>Gets the new description, or <see langword="null"/> to keep it.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the new details, or <see langword="null"/> to keep them. A schedule keeps its kind of retention (count or age) under its name.</summary>
    public PolicyDetails? PolicyDetails { get; init; }
}
