namespace Ebs.Core.Services;

/// <summary>The parameters of CreateVolume.</summary>
public sealed class CreateVolumeRequest
{
    /// <summary>Gets the Availability Zone of the new volume; it must belong to the facade's Region.</summary>
    public required string AvailabilityZone { get; init; }

    /// <summary>Gets the size in GiB, 1 to 65,536; when creating from a snapshot, at least its volume size (the default).</summary>
    public int? SizeGiB { get; init; }

    /// <summary>Gets the snapshot to create the volume from, or <see langword="null"/> for an empty volume.</summary>
    public Domain.SnapshotId? SnapshotId { get; init; }

    /// <summary>Gets the tags to put on the volume.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
