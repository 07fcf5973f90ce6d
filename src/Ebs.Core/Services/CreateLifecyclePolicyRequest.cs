using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateLifecyclePolicy.</summary>
public sealed record CreateLifecyclePolicyRequest
{
    /// <summary>Gets the IAM role the policy acts as, <c>arn:aws:iam::{account}:role/{name}</c>; only its shape is checked.</summary>
    public required string ExecutionRoleArn { get; init; }

    /// <summary>Gets the description, 1 to 500 letters, digits, spaces, underscores and hyphens.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the state to create the policy in.</summary>
    public required SettablePolicyStateValues State { get; init; }

    /// <summary>Gets what the policy does.</summary>
    public required PolicyDetails PolicyDetails { get; init; }

    /// <summary>Gets the policy's own tags, at most 45.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
