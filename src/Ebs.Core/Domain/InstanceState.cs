using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state of an instance (AWS's <c>InstanceState</c>): AWS's numeric code and its name.</summary>
public sealed record InstanceState
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal InstanceState()
    {
    }

    /// <summary>Gets AWS's code of the state: 0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped.</summary>
    public required int Code { get; init; }

    /// <summary>Gets the state.</summary>
    public required InstanceStateName Name { get; init; }

    /// <summary>The state <paramref name="name"/> with AWS's code.</summary>
    internal static InstanceState Of(InstanceStateName name) => new()
    {
        Name = name,
        Code = name switch
        {
            InstanceStateName.Pending => 0,
            InstanceStateName.Running => 16,
            InstanceStateName.ShuttingDown => 32,
            InstanceStateName.Terminated => 48,
            InstanceStateName.Stopping => 64,
            _ => 80,
        },
    };
}
