using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetLifecyclePolicy.</summary>
public sealed record GetLifecyclePolicyResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal GetLifecyclePolicyResponse()
    {
    }

    /// <summary>Gets the policy.</summary>
    public required LifecyclePolicy Policy { get; init; }
}
