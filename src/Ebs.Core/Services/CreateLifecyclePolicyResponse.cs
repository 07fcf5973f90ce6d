using System.Text.Json.Serialization;

namespace Ebs.Core.Services;

/// <summary>The result of CreateLifecyclePolicy: the new policy's id.</summary>
public sealed record CreateLifecyclePolicyResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal CreateLifecyclePolicyResponse()
    {
    }

    /// <summary>Gets the id, <c>policy-</c> and 17 hex digits.</summary>
    public required string PolicyId { get; init; }
}
