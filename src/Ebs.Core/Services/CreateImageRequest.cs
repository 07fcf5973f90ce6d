using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateImage.</summary>
public sealed record CreateImageRequest
{
    /// <summary>Gets the instance to capture: running or stopped, EBS-backed.</summary>
    public required InstanceId InstanceId { get; init; }

    /// <summary>Gets the image's name: 3 to 128 characters, unique among the caller's images in the Region.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description, up to 255 characters.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Gets a value indicating whether the instance is left running: the snapshots are then
    /// crash-consistent. Without it the instance is rebooted and its quiesce hook (see
    /// <see cref="QuiesceHooks"/>) runs around the capture: they are application-consistent.
    /// </summary>
    public bool NoReboot { get; init; }

    /// <summary>Gets changes to the mappings of the attached volumes, by device: DeleteOnTermination, VolumeType, Iops and Throughput; as in AWS a VolumeSize must be the volume's.</summary>
    public IReadOnlyList<LaunchBlockDeviceMapping> BlockDeviceMappings { get; init; } = [];

    /// <summary>Gets the tags to put on the new image and its snapshots: specifications of resource type <c>image</c> or <c>snapshot</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];
}
