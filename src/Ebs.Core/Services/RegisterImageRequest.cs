using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of RegisterImage for an EBS-backed image made from snapshots.</summary>
public sealed record RegisterImageRequest
{
    /// <summary>Gets the name: 3 to 128 letters, digits and <c>( ) [ ] . / - ' @ _</c> or spaces; unique for the caller in the Region.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the device name of the root volume, which must be one of <see cref="BlockDeviceMappings"/>.</summary>
    public required string RootDeviceName { get; init; }

    /// <summary>
    /// Gets the location of an instance-store-backed image's manifest (AWS's <c>ImageLocation</c>, such as
    /// <c>my-bucket/image.manifest.xml</c>), or <see langword="null"/> for an EBS-backed image. The library has no S3: it
    /// records the location, and the image's root device is instance store, which holds no data the library keeps, so
    /// <see cref="RootDeviceName"/> must not be one of the EBS <see cref="BlockDeviceMappings"/>, which may be empty.
    /// </summary>
    public string? ImageLocation { get; init; }

    /// <summary>Gets the image's EBS volumes, the root one included for an EBS-backed image.</summary>
    public required IReadOnlyList<BlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Gets the description, up to 255 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the architecture.</summary>
    /// <value>The default is AWS's for EBS-backed images, <see cref="ArchitectureValues.I386"/>.</value>
    public ArchitectureValues Architecture { get; init; } = ArchitectureValues.I386;

    /// <summary>Gets the virtualization type.</summary>
    /// <value>The default is AWS's, <see cref="Domain.VirtualizationType.Paravirtual"/>.</value>
    public VirtualizationType VirtualizationType { get; init; } = VirtualizationType.Paravirtual;

    /// <summary>Gets the boot mode, or <see langword="null"/> for the instance type's default.</summary>
    public BootModeValues? BootMode { get; init; }

    /// <summary>Gets the tags to put on the new image: one specification of resource type <c>image</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];
}
