using System.Text.Json.Serialization;

namespace Ebs.Core.Services;

/// <summary>The result of UpdateLifecyclePolicy: AWS's empty response.</summary>
public sealed record UpdateLifecyclePolicyResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal UpdateLifecyclePolicyResponse()
    {
    }
}
