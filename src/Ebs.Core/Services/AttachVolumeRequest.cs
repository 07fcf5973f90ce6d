using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of AttachVolume.</summary>
public sealed record AttachVolumeRequest
{
    /// <summary>Gets the device name to attach the volume as, such as <c>/dev/sdf</c>; free on the instance.</summary>
    public required string Device { get; init; }

    /// <summary>Gets the instance, running or stopped.</summary>
    public required InstanceId InstanceId { get; init; }

    /// <summary>Gets the volume, available and in the instance's Availability Zone.</summary>
    public required VolumeId VolumeId { get; init; }
}
