using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateVolume.</summary>
public sealed record CreateVolumeRequest
{
    /// <summary>Gets the Availability Zone of the new volume; it must belong to the facade's Region.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>Gets the size in GiB, within the volume type's range (gp2 and gp3 1 to 16,384; io2 4 to 65,536; docs/volumes.md); when creating from a snapshot, at least its volume size (the default).</summary>
    public int? Size { get; init; }

    /// <summary>Gets the snapshot to create the volume from, or <see langword="null"/> for an empty volume.</summary>
    public SnapshotId? SnapshotId { get; init; }

    /// <summary>Gets the volume type; <see langword="null"/> for AWS's default, <see cref="Domain.VolumeType.Gp2"/>. Its sizes, IOPS and throughput are in docs/volumes.md.</summary>
    public VolumeType? VolumeType { get; init; }

    /// <summary>Gets the provisioned IOPS: required for io1 and io2, 3,000 by default for gp3, refused for the other types (<c>InvalidParameterCombination</c>).</summary>
    public int? Iops { get; init; }

    /// <summary>Gets the throughput in MiB/s of a gp3 volume, 125 by default; refused for the other types (<c>InvalidParameterCombination</c>).</summary>
    public int? Throughput { get; init; }

    /// <summary>Gets the tags to put on the new volume: one specification of resource type <c>volume</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    /// <summary>
    /// Gets whether the volume is encrypted. Data from an encrypted snapshot is always encrypted, and with
    /// encryption by default on everything is, whatever this says; <see langword="true"/> encrypts the rest.
    /// </summary>
    public bool? Encrypted { get; init; }

    /// <summary>
    /// Gets the KMS key (id, ARN, alias name or alias ARN) to encrypt the volume with; requires <see cref="Encrypted"/>.
    /// Without it: the source snapshot's key, else the default key for EBS encryption.
    /// </summary>
    public string? KmsKeyId { get; init; }
}
