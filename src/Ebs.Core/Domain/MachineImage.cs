using System.Collections.Immutable;

namespace Ebs.Core.Domain;

/// <summary>A machine image (AMI) as DescribeImages returns it: an immutable view at the time of the call.</summary>
public sealed record MachineImage
{
    internal MachineImage()
    {
    }

    /// <summary>Gets the image id.</summary>
    public required ImageId Id { get; init; }

    /// <summary>Gets the owning account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the Region.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the name, unique for the owner in the Region.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the state.</summary>
    public required ImageState State { get; init; }

    /// <summary>Gets the architecture: <c>i386</c>, <c>x86_64</c>, <c>arm64</c>, <c>x86_64_mac</c> or <c>arm64_mac</c>.</summary>
    public required string Architecture { get; init; }

    /// <summary>Gets the virtualization type: <c>hvm</c> or <c>paravirtual</c>.</summary>
    public required string VirtualizationType { get; init; }

    /// <summary>Gets the boot mode (<c>legacy-bios</c>, <c>uefi</c>, <c>uefi-preferred</c>), or <see langword="null"/> for the instance type's default.</summary>
    public string? BootMode { get; init; }

    /// <summary>Gets the device name of the root volume.</summary>
    public required string RootDeviceName { get; init; }

    /// <summary>Gets the root device type; always <c>ebs</c> for images registered from snapshots.</summary>
    public string RootDeviceType => "ebs";

    /// <summary>Gets the EBS volumes of the image, the root one included.</summary>
    public required ImmutableArray<BlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Gets the time the image was registered.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the tags.</summary>
    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Gets the snapshots the image uses, each once.</summary>
    public IEnumerable<SnapshotId> SnapshotIds => BlockDeviceMappings.Select(m => m.SnapshotId).Distinct();
}
