using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of RegisterImage for an EBS-backed image made from snapshots.</summary>
public sealed class RegisterImageRequest
{
    /// <summary>Gets the name: 3 to 128 letters, digits and <c>( ) [ ] . / - ' @ _</c> or spaces; unique for the caller in the Region.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the device name of the root volume, which must be one of <see cref="BlockDeviceMappings"/>.</summary>
    public required string RootDeviceName { get; init; }

    /// <summary>Gets the image's EBS volumes, the root one included.</summary>
    public required IReadOnlyList<BlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Gets the description, up to 255 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the architecture.</summary>
    /// <value>The default is AWS's for EBS-backed images, <c>i386</c>.</value>
    public string Architecture { get; init; } = "i386";

    /// <summary>Gets the virtualization type, <c>hvm</c> or <c>paravirtual</c>.</summary>
    /// <value>The default is <c>hvm</c>.</value>
    public string VirtualizationType { get; init; } = "hvm";

    /// <summary>Gets the boot mode, or <see langword="null"/> for the instance type's default.</summary>
    public string? BootMode { get; init; }

    /// <summary>Gets the tags to put on the image.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
