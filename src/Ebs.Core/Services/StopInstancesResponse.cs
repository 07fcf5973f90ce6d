using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of StopInstances: each instance's state before and after the call.</summary>
public sealed record StopInstancesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal StopInstancesResponse()
    {
    }

    /// <summary>Gets the state changes, in the order of the request's ids.</summary>
    public required ValueList<InstanceStateChange> StoppingInstances { get; init; }
}
