using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of RunInstances: launch instances from an available image of the caller's, each with one volume per block device mapping of the image.</summary>
public sealed record RunInstancesRequest
{
    /// <summary>Gets the image to launch.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the fewest instances to launch, at least 1. The library always launches <see cref="MaxCount"/>.</summary>
    public required int MinCount { get; init; }

    /// <summary>Gets the most instances to launch, at least <see cref="MinCount"/>.</summary>
    public required int MaxCount { get; init; }

    /// <summary>Gets where to launch; <see langword="null"/> (or no zone) for the Region's first Availability Zone.</summary>
    public Placement? Placement { get; init; }

    /// <summary>Gets changes to the image's block device mappings, by device name: the volume size and DeleteOnTermination.</summary>
    public IReadOnlyList<LaunchBlockDeviceMapping> BlockDeviceMappings { get; init; } = [];

    /// <summary>Gets the tags to put on the new instances (resource type <c>instance</c>) and their volumes (<c>volume</c>).</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];
}
