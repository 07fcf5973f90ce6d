using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A lifecycle policy as GetLifecyclePolicies lists it (DLM's <c>LifecyclePolicySummary</c>).</summary>
public sealed record LifecyclePolicySummary
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal LifecyclePolicySummary()
    {
    }

    /// <summary>Gets the id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the state.</summary>
    public required GettablePolicyStateValues State { get; init; }

    /// <summary>Gets the policy's own tags.</summary>
    public required TagList Tags { get; init; }

    /// <summary>Gets the policy type.</summary>
    public required PolicyTypeValues PolicyType { get; init; }
}
