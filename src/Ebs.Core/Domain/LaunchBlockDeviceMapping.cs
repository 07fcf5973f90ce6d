namespace Ebs.Core.Domain;

/// <summary>
/// A change RunInstances makes to one of the image's block device mappings, named by its device
/// (AWS's <c>BlockDeviceMapping</c> as RunInstances takes it, where the snapshot may be left out;
/// the library's <see cref="BlockDeviceMapping"/> requires one, as RegisterImage does).
/// </summary>
public sealed record LaunchBlockDeviceMapping
{
    /// <summary>Gets the device name of one of the image's mappings, such as <c>/dev/xvda</c>.</summary>
    public required string DeviceName { get; init; }

    /// <summary>Gets what to change in the volume created for the device; <see langword="null"/> with <see cref="NoDevice"/>.</summary>
    public LaunchEbsBlockDevice? Ebs { get; init; }

    /// <summary>
    /// Gets AWS's <c>NoDevice</c>: any value (AWS's is an empty string) leaves the device out, so no volume is
    /// created (RunInstances) or captured (CreateImage) for it; not for the root device. <see langword="null"/> with <see cref="Ebs"/>.
    /// </summary>
    public string? NoDevice { get; init; }
}
