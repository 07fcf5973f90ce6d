namespace Ebs.Core.Domain;

/// <summary>The EBS volume of a block device mapping (AWS's <c>EbsBlockDevice</c>).</summary>
public sealed record EbsBlockDevice
{
    /// <summary>Gets the snapshot the volume is created from.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the volume size in GiB, at least the snapshot's volume size; <see langword="null"/> for the snapshot's.</summary>
    public int? VolumeSize { get; init; }

    /// <summary>Gets the type of the volumes launched from the mapping; <see langword="null"/> for gp2, AWS's default.</summary>
    public VolumeType? VolumeType { get; init; }

    /// <summary>Gets the provisioned IOPS of a gp3, io1 or io2 volume; <see langword="null"/> for the type's default (required for io1 and io2).</summary>
    public int? Iops { get; init; }

    /// <summary>Gets the throughput in MiB/s of a gp3 volume; <see langword="null"/> for the type's default.</summary>
    public int? Throughput { get; init; }

    /// <summary>Gets whether the volume is deleted when its instance terminates.</summary>
    /// <value>The default is <see langword="true"/>, as AWS's.</value>
    public bool DeleteOnTermination { get; init; } = true;

    /// <summary>
    /// Gets whether the snapshot, and so every volume launched from the mapping, is encrypted. An image's
    /// mappings report their snapshots' encryption; what a RegisterImage request says here is not used.
    /// </summary>
    public bool? Encrypted { get; init; }

    /// <summary>Gets the ARN of the KMS key of an encrypted snapshot, or <see langword="null"/>.</summary>
    public string? KmsKeyId { get; init; }
}
