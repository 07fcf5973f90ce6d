using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// An EBS snapshot as DescribeSnapshots returns it (AWS's <c>Snapshot</c>): an immutable view at
/// the time of the call, compared by value. <see cref="Region"/>, <see cref="IncrementalSizeInBytes"/>
/// and <see cref="DiskImageSizeInBytes"/> are the library's own.
/// </summary>
public sealed record Snapshot
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal Snapshot()
    {
    }

    /// <summary>Gets the snapshot id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the source volume; AWS's <c>vol-ffffffff</c> for a copy.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the size of the source volume in GiB: the least size of a volume created from it.</summary>
    public required int VolumeSize { get; init; }

    /// <summary>Gets the state.</summary>
    public required SnapshotState State { get; init; }

    /// <summary>Gets the progress as AWS writes it: a percentage followed by <c>%</c>, such as <c>42%</c>.</summary>
    /// <exception cref="FormatException">The text set is not a whole percentage such as <c>42%</c>.</exception>
    public string Progress
    {
        get => string.Create(CultureInfo.InvariantCulture, $"{ProgressPercent}%");

        // Set only when reading AWS's JSON back; the number is what the record keeps.
        init => ProgressPercent = int.Parse(value.AsSpan().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the time the snapshot was started: its point in time.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the time the snapshot completed, or <see langword="null"/> while it is pending.</summary>
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Gets the description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the owning account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the full size: the bytes of every written block it holds (used data, not allocated size).</summary>
    public required long FullSnapshotSizeInBytes { get; init; }

    /// <summary>Gets the tags.</summary>
    public TagList Tags { get; init; } = TagList.Empty;

    /// <summary>
    /// Gets the storage tier: <see cref="Domain.StorageTier.Standard"/> when the snapshot is ready for
    /// use (being archived and temporarily restored included), <see cref="Domain.StorageTier.Archive"/>
    /// when it must be restored first.
    /// </summary>
    public StorageTier StorageTier { get; init; }

    /// <summary>Gets the instant a temporarily restored snapshot's standard copy is removed, or <see langword="null"/> when it is not being or has not been temporarily restored.</summary>
    public DateTimeOffset? RestoreExpiryTime { get; init; }

    /// <summary>Gets the completion percentage, 0 to 100, as a number (the library's own; not in JSON, where <see cref="Progress"/> has it).</summary>
    [JsonIgnore]
    public int ProgressPercent { get; init; }

    /// <summary>Gets the Region (the library's own).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the bytes this snapshot copied (the library's own): the blocks changed since the newest snapshot of the volume that still existed when it was taken (or since the snapshot the volume was created from), or every used block when there was none.</summary>
    public required long IncrementalSizeInBytes { get; init; }

    /// <summary>
    /// Gets the length in bytes of the raw disk image imported into the source volume (see
    /// <see cref="Volume.DiskImageSizeInBytes"/>); copies keep it. <see langword="null"/> when the
    /// data did not come from an import (the library's own).
    /// </summary>
    public long? DiskImageSizeInBytes { get; init; }

    /// <summary>
    /// Gets how consistent the contents are (the library's own): application-consistent when a
    /// quiesce hook ran around the capture (see <see cref="Services.QuiesceHooks"/>), otherwise crash-consistent; copies keep their source's.
    /// </summary>
    public SnapshotConsistency Consistency { get; init; }

    /// <summary>Gets whether the snapshot is encrypted (AWS's <c>Encrypted</c>).</summary>
    public bool Encrypted => KmsKeyId is not null;

    /// <summary>Gets the ARN of the KMS key that protects the snapshot's data, or <see langword="null"/> when it is not encrypted (AWS's <c>KmsKeyId</c>).</summary>
    public string? KmsKeyId { get; init; }
}
