using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>What a state-changing call did to one instance (AWS's <c>InstanceStateChange</c>).</summary>
public sealed record InstanceStateChange
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal InstanceStateChange()
    {
    }

    /// <summary>Gets the instance id.</summary>
    public required InstanceId InstanceId { get; init; }

    /// <summary>Gets the state after the call.</summary>
    public required InstanceState CurrentState { get; init; }

    /// <summary>Gets the state before the call.</summary>
    public required InstanceState PreviousState { get; init; }
}
