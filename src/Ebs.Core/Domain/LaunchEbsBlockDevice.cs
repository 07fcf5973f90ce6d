namespace Ebs.Core.Domain;

/// <summary>
/// What RunInstances changes in the volume of one of the image's mappings (the parts of AWS's <c>EbsBlockDevice</c> the library takes there);
/// CreateImage takes all but <see cref="VolumeSize"/>, <see cref="Encrypted"/> and <see cref="KmsKeyId"/>.
/// </summary>
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

    /// <summary>
    /// Gets whether the launched volume is encrypted (RunInstances only): <see langword="true"/> encrypts a volume from an unencrypted
    /// snapshot with <see cref="KmsKeyId"/> or the default key; a volume from an encrypted snapshot is encrypted whatever is given
    /// (AWS: "In no case can you remove encryption from an encrypted volume"). <see langword="null"/> keeps the image's state, or
    /// encryption by default.
    /// </summary>
    public bool? Encrypted { get; init; }

    /// <summary>
    /// Gets the KMS key (id, ARN, alias name or alias ARN) to encrypt the launched volume with, re-encrypting an encrypted snapshot's
    /// data (RunInstances only); requires <see cref="Encrypted"/> = <see langword="true"/>. <see langword="null"/>: the snapshot's key
    /// when the caller owns the encrypted snapshot, else the caller's default key.
    /// </summary>
    public string? KmsKeyId { get; init; }
}
