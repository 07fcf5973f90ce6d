using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>One device of an instance and the volume attached as it (AWS's <c>InstanceBlockDeviceMapping</c>).</summary>
public sealed record InstanceBlockDeviceMapping
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal InstanceBlockDeviceMapping()
    {
    }

    /// <summary>Gets the device name, such as <c>/dev/xvda</c>.</summary>
    public required string DeviceName { get; init; }

    /// <summary>Gets the volume attached as the device.</summary>
    public required EbsInstanceBlockDevice Ebs { get; init; }
}
