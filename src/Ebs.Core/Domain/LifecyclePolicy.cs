using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A lifecycle policy as GetLifecyclePolicy describes it (DLM's <c>LifecyclePolicy</c>).</summary>
public sealed record LifecyclePolicy
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal LifecyclePolicy()
    {
    }

    /// <summary>Gets the id, <c>policy-</c> and 17 hex digits.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the state.</summary>
    public required GettablePolicyStateValues State { get; init; }

    /// <summary>Gets a message about the state.</summary>
    public required string StatusMessage { get; init; }

    /// <summary>Gets the IAM role the policy acts as (its shape only is checked).</summary>
    public required string ExecutionRoleArn { get; init; }

    /// <summary>Gets when the policy was created.</summary>
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>Gets when the policy was last changed.</summary>
    public required DateTimeOffset DateModified { get; init; }

    /// <summary>Gets what the policy does.</summary>
    public required PolicyDetails PolicyDetails { get; init; }

    /// <summary>Gets the policy's own tags.</summary>
    public required TagList Tags { get; init; }

    /// <summary>Gets the ARN, <c>arn:aws:dlm:{region}:{account}:policy/{policy-id}</c>.</summary>
    public required string PolicyArn { get; init; }
}
