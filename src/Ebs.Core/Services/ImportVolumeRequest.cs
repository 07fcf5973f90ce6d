using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ImportVolume: a raw disk image and the volume it goes into.</summary>
public sealed record ImportVolumeRequest
{
    /// <summary>
    /// Gets the raw disk image, read from its current position to its end. When it can seek, its
    /// length is checked against the volume before anything is written; when it cannot,
    /// <see cref="Size"/> is required for a new volume and an image longer than the volume
    /// fails the import when the read passes the volume's end. The import does not dispose it.
    /// </summary>
    public required Stream Source { get; init; }

    /// <summary>Gets the Availability Zone of the new volume; it must belong to the facade's Region. Leave it out with <see cref="VolumeId"/>.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>
    /// Gets the size of the new volume in GiB, 1 to 65,536, at least the image's length. The
    /// default is the image's length rounded up to whole GiB (at least 1). Leave it out with <see cref="VolumeId"/>.
    /// </summary>
    public int? Size { get; init; }

    /// <summary>Gets the tags to put on the new volume: one specification of resource type <c>volume</c>. Leave them out with <see cref="VolumeId"/>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    /// <summary>
    /// Gets an existing volume to write the image into from offset 0, instead of creating one.
    /// Only the blocks whose content differs become changes; bytes past the image's end are
    /// left as they are.
    /// </summary>
    public VolumeId? VolumeId { get; init; }

    /// <summary>Gets a receiver of progress: the bytes of the image stored so far, reported after each batch.</summary>
    public IProgress<long>? Progress { get; init; }
}
