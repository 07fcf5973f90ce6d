using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetLifecyclePolicies.</summary>
public sealed record GetLifecyclePoliciesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal GetLifecyclePoliciesResponse()
    {
    }

    /// <summary>Gets the matching policies, by id.</summary>
    public required ValueList<LifecyclePolicySummary> Policies { get; init; }
}
