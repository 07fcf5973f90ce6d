namespace Ebs.Core.Domain;

/// <summary>One EBS volume of a machine image (AWS's <c>BlockDeviceMapping</c>): the device it attaches as and the volume behind it.</summary>
public sealed record BlockDeviceMapping
{
    /// <summary>Gets the device name, such as <c>/dev/xvda</c>.</summary>
    public required string DeviceName { get; init; }

    /// <summary>Gets the EBS volume behind the device.</summary>
    public required EbsBlockDevice Ebs { get; init; }
}
