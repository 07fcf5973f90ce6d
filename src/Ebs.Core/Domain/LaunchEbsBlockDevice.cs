namespace Ebs.Core.Domain;

/// <summary>What RunInstances changes in the volume of one of the image's mappings (the parts of AWS's <c>EbsBlockDevice</c> the library takes there).</summary>
public sealed record LaunchEbsBlockDevice
{
    /// <summary>Gets the volume size in GiB, at least the snapshot's; <see langword="null"/> for the image's.</summary>
    public int? VolumeSize { get; init; }

    /// <summary>Gets the volume type; <see langword="null"/> for the image's (gp2 when the image names none).</summary>
    public VolumeType? VolumeType { get; init; }

    /// <summary>Gets the provisioned IOPS; <see langword="null"/> for the image's when the type is the image's, else the type's default.</summary>
    public int? Iops { get; init; }

    /// <summary>Gets the gp3 throughput in MiB/s; <see langword="null"/> for the image's when the type is the image's, else the type's default.</summary>
    public int? Throughput { get; init; }

    /// <summary>Gets whether the volume is deleted when the instance terminates; <see langword="null"/> for the image's.</summary>
    public bool? DeleteOnTermination { get; init; }
}
