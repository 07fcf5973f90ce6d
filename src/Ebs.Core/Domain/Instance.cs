using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// An EC2 instance as DescribeInstances returns it (AWS's <c>Instance</c>, the parts that concern
/// its image and volumes): an immutable view at the time of the call, compared by value.
/// <see cref="Region"/> is the library's own.
/// </summary>
public sealed record Instance
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal Instance()
    {
    }

    /// <summary>Gets the instance id.</summary>
    public required InstanceId InstanceId { get; init; }

    /// <summary>Gets the image the instance was launched from.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the state.</summary>
    public required InstanceState State { get; init; }

    /// <summary>Gets the reason of the last state change the caller asked for, such as <c>User initiated (2026-01-01 00:00:00 GMT)</c>; empty while it runs as launched or started.</summary>
    public string StateTransitionReason { get; init; } = string.Empty;

    /// <summary>Gets the time the instance was launched, or last started.</summary>
    public required DateTimeOffset LaunchTime { get; init; }

    /// <summary>Gets where the instance runs.</summary>
    public required Placement Placement { get; init; }

    /// <summary>Gets the position of the instance in its launch (AWS's <c>AmiLaunchIndex</c>), from 0.</summary>
    public int AmiLaunchIndex { get; init; }

    /// <summary>Gets the root device type, the image's.</summary>
    public required DeviceType RootDeviceType { get; init; }

    /// <summary>Gets the device name of the root volume.</summary>
    public required string RootDeviceName { get; init; }

    /// <summary>Gets the volumes attached to the instance, by device name; empty once it is terminated.</summary>
    public required ValueList<InstanceBlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Gets the tags.</summary>
    public TagList Tags { get; init; } = TagList.Empty;

    /// <summary>Gets the Region (the library's own).</summary>
    public required string Region { get; init; }
}
