using System.Collections.Immutable;

namespace Ebs.Core.Domain;

/// <summary>An EBS volume as DescribeVolumes returns it: an immutable view at the time of the call.</summary>
public sealed record Volume
{
    internal Volume()
    {
    }

    /// <summary>Gets the volume id.</summary>
    public required VolumeId Id { get; init; }

    /// <summary>Gets the owning account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the Region.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the Availability Zone.</summary>
    public required string AvailabilityZone { get; init; }

    /// <summary>Gets the size in GiB.</summary>
    public required int SizeGiB { get; init; }

    /// <summary>Gets the state.</summary>
    public required VolumeState State { get; init; }

    /// <summary>Gets the creation time.</summary>
    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>Gets the snapshot the volume was created from, if any.</summary>
    public SnapshotId? SnapshotId { get; init; }

    /// <summary>Gets the tags.</summary>
    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Gets the lazy-load progress of a volume created from a snapshot; <see langword="null"/> for an empty volume.</summary>
    public VolumeInitialization? Initialization { get; init; }

    /// <summary>
    /// Gets the length in bytes of the raw disk image last imported into the volume (see
    /// <see cref="Services.Ec2Client.ImportVolumeAsync"/>), or into the volume of the snapshot it was
    /// created from: the bytes to export to give the image back. <see langword="null"/> when the
    /// volume's data did not come from an import.
    /// </summary>
    public long? DiskImageSizeInBytes { get; init; }

    /// <summary>Gets the size in bytes.</summary>
    public long SizeBytes => (long)SizeGiB << 30;
}
