using System.Text.Json.Serialization;
namespace Ebs.Core.Domain;

/// <summary>
/// A machine image (AMI) as DescribeImages returns it (AWS's <c>Image</c>): an immutable view at
/// the time of the call, compared by value. <see cref="Region"/> is the library's own.
/// </summary>
public sealed record Image
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal Image()
    {
    }

    /// <summary>Gets the image id.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the name, unique for the owner in the Region.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the state.</summary>
    public required ImageState State { get; init; }

    /// <summary>Gets the owning account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the owner alias: <c>amazon</c> for the provider catalogue's images, otherwise <see langword="null"/>.</summary>
    public string? ImageOwnerAlias { get; init; }

    /// <summary>Gets the architecture.</summary>
    public required ArchitectureValues Architecture { get; init; }

    /// <summary>Gets the virtualization type.</summary>
    public required VirtualizationType VirtualizationType { get; init; }

    /// <summary>Gets the boot mode, or <see langword="null"/> for the instance type's default.</summary>
    public BootModeValues? BootMode { get; init; }

    /// <summary>Gets the device name of the root volume.</summary>
    public required string RootDeviceName { get; init; }

    /// <summary>Gets the root device type: <see cref="DeviceType.Ebs"/>, or <see cref="DeviceType.InstanceStore"/> for an image registered with a manifest location.</summary>
    public DeviceType RootDeviceType { get; init; } = DeviceType.Ebs;

    /// <summary>Gets the manifest location of an instance-store-backed image, or <see langword="null"/> for an EBS-backed one.</summary>
    public string? ImageLocation { get; init; }

    /// <summary>Gets the EBS volumes of the image, the root one included.</summary>
    public required ValueList<BlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Gets the time the image was registered.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the tags.</summary>
    public TagList Tags { get; init; } = TagList.Empty;

    /// <summary>Gets the instant the image is (or was) deprecated, or <see langword="null"/> when no deprecation is set (EnableImageDeprecation).</summary>
    public DateTimeOffset? DeprecationTime { get; init; }

    /// <summary>
    /// Gets the deregistration protection as AWS reports it: <c>disabled</c>, <c>enabled-without-cooldown</c>,
    /// <c>enabled-with-cooldown</c>, or <c>disabled-until</c> and the instant the cooldown ends.
    /// </summary>
    public string DeregistrationProtection { get; init; } = Domain.DeregistrationProtection.Off;

    /// <summary>Gets whether the image is public: its launch permission includes the group <c>all</c>.</summary>
    public bool Public { get; init; }

    /// <summary>Gets the Region (the library's own).</summary>
    public required string Region { get; init; }

    /// <summary>
    /// Gets how consistent the snapshots of an image made by CreateImage are (the library's own):
    /// application-consistent with a reboot, crash-consistent with NoReboot; <see langword="null"/> for a registered image.
    /// </summary>
    public SnapshotConsistency? Consistency { get; init; }

    /// <summary>Gets the image this one is a CopyImage copy of, or <see langword="null"/>.</summary>
    public ImageId? SourceImageId { get; init; }

    /// <summary>Gets the Region of the image this one is a CopyImage copy of, or <see langword="null"/>.</summary>
    public string? SourceImageRegion { get; init; }

    /// <summary>Gets the snapshots the image uses, each once.</summary>
    internal IEnumerable<SnapshotId> SnapshotIds => BlockDeviceMappings.Select(m => m.Ebs.SnapshotId).Distinct();
}
