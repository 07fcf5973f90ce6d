using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// An EBS volume as DescribeVolumes returns it (AWS's <c>Volume</c>): an immutable view at the
/// time of the call, compared by value. <see cref="OwnerId"/>, <see cref="Region"/>,
/// <see cref="Initialization"/> and <see cref="DiskImageSizeInBytes"/> are the library's own.
/// </summary>
public sealed record Volume
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal Volume()
    {
    }

    /// <summary>Gets the volume id.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the Availability Zone.</summary>
    public required string AvailabilityZone { get; init; }

    /// <summary>Gets the size in GiB.</summary>
    public required int Size { get; init; }

    /// <summary>Gets the snapshot the volume was created from, if any.</summary>
    public SnapshotId? SnapshotId { get; init; }

    /// <summary>Gets the state.</summary>
    public required VolumeState State { get; init; }

    /// <summary>Gets the creation time.</summary>
    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>Gets the tags.</summary>
    public TagList Tags { get; init; } = TagList.Empty;

    /// <summary>Gets the owning account id (the library's own: AWS's volumes do not carry it).</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the Region (the library's own).</summary>
    public required string Region { get; init; }

    /// <summary>
    /// Gets the lazy-load progress of a volume created from a snapshot; <see langword="null"/> for
    /// an empty volume (the library's own: AWS reports it through initialization status events).
    /// </summary>
    public VolumeInitialization? Initialization { get; init; }

    /// <summary>
    /// Gets a value indicating whether the volume was created using Fast Snapshot Restore, and so
    /// was fully initialized at creation (AWS's <c>FastRestored</c>). AWS's CreateVolume leaves it out
    /// and only DescribeVolumes reports it; the library's CreateVolume already gives it.
    /// </summary>
    public bool FastRestored { get; init; }

    /// <summary>
    /// Gets the length in bytes of the raw disk image last imported into the volume (see
    /// <see cref="Services.Ec2Client.ImportVolumeAsync"/>), or into the volume of the snapshot it was
    /// created from: the bytes to export to give the image back. <see langword="null"/> when the
    /// volume's data did not come from an import (the library's own).
    /// </summary>
    public long? DiskImageSizeInBytes { get; init; }

    /// <summary>Gets the volume type; <see cref="VolumeType.Gp2"/> when CreateVolume names none, as AWS.</summary>
    public VolumeType VolumeType { get; init; }

    /// <summary>
    /// Gets the IOPS: provisioned for gp3, io1 and io2; for gp2 its baseline (3 per GiB, 100 to 16,000);
    /// <see langword="null"/> for st1, sc1 and standard.
    /// </summary>
    public int? Iops { get; init; }

    /// <summary>Gets the throughput in MiB/s of a gp3 volume; <see langword="null"/> for the other types.</summary>
    public int? Throughput { get; init; }

    /// <summary>Gets the volume's attachment to an instance, if any (AWS's <c>Attachments</c>: at most one, as the library has no Multi-Attach).</summary>
    public ValueList<VolumeAttachment> Attachments { get; init; } = ValueList<VolumeAttachment>.Empty;

    /// <summary>Gets whether the volume is encrypted (AWS's <c>Encrypted</c>).</summary>
    public bool Encrypted => KmsKeyId is not null;

    /// <summary>Gets the ARN of the KMS key that protects the volume's data, or <see langword="null"/> when it is not encrypted (AWS's <c>KmsKeyId</c>).</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>Gets the size in bytes (the library's own, computed from <see cref="Size"/>; not in JSON).</summary>
    [JsonIgnore]
    public long SizeInBytes => (long)Size << 30;
}
