using System.Collections.Immutable;
using Ebs.Core.BlockMaps;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a snapshot: its fixed contents (a frozen map root) and the timing from
/// which its state at any instant follows.
/// </summary>
internal sealed record SnapshotRecord
{
    public required SnapshotId Id { get; init; }

    public required string OwnerId { get; init; }

    public required string Region { get; init; }

    public required VolumeId VolumeId { get; init; }

    public required int VolumeSizeGiB { get; init; }

    public required string Description { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the instant the copy begins: after the volume's older pending snapshots complete.</summary>
    public required DateTimeOffset CopyStartsAt { get; init; }

    public required DateTimeOffset CompletesAt { get; init; }

    public required NodeId? Root { get; init; }

    public required long BlockCount { get; init; }

    public required long ChangedBlockCount { get; init; }

    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Gets the length of the disk image the source volume's data was imported from (see <see cref="Snapshot.DiskImageSizeInBytes"/>).</summary>
    public long? DiskImageSizeInBytes { get; init; }

    /// <summary>
    /// Gets the volume whose snapshots this one shares blocks with as AWS bills them: its own
    /// volume's, or for a copy, its source's lineage (later copies of one lineage are incremental).
    /// </summary>
    public VolumeId? LineageVolumeId { get; init; }

    /// <summary>Gets how consistent its contents are: application-consistent when a quiesce hook ran around the capture.</summary>
    public SnapshotConsistency Consistency { get; init; }

    /// <summary>Gets the snapshot its volume was created from, which the volume's first snapshot continues.</summary>
    public SnapshotId? SourceSnapshotId { get; init; }

    /// <summary>
    /// Gets the snapshot's stay in the Recycle Bin, or <see langword="null"/> when it is not in it.
    /// A snapshot in the bin is deleted as far as EC2's calls see, but keeps its tags and its root
    /// (so its blocks stay stored and billed, as AWS bills bin snapshots at the normal rate).
    /// </summary>
    public RecycleBinEntry? RecycleBin { get; init; }

    /// <summary>Gets who besides its owner may create volumes from it: account ids, and <see cref="Sharing.AllGroup"/> when it is public (see <see cref="Sharing"/>).</summary>
    public ImmutableSortedSet<string> CreateVolumePermissions { get; init; } = ImmutableSortedSet<string>.Empty;
    /// <summary>Gets the ARN of the KMS key whose data key seals the snapshot's chunks, or <see langword="null"/> when it is not encrypted.</summary>
    public string? KmsKeyId { get; init; }
    /// <summary>Gets how the EBS direct APIs are writing the snapshot, or <see langword="null"/> for a snapshot EC2 made.</summary>
    public DirectWrite? Direct { get; init; }

    /// <summary>Gets a value indicating whether the EBS direct APIs are still writing the snapshot or it failed: its blocks cannot be read.</summary>
    public bool IsUnfinishedDirectWrite => Direct is { Status: not DirectWriteStatus.Completed };

    /// <summary>Gets the lineage key: <see cref="LineageVolumeId"/>, or the volume id.</summary>
    public VolumeId Lineage => LineageVolumeId ?? VolumeId;

    /// <summary>Gets the snapshot's archive-tier state, or <see langword="null"/> when it was never archived.</summary>
    public SnapshotArchive? Archive { get; init; }

    /// <summary>
    /// Gets a value indicating whether the snapshot's blocks are billed in the standard tier: not
    /// while it lives only in the archive (a temporary restore's standard copy is billed apart, at full size).
    /// </summary>
    public bool HoldsStandardStorage => Archive?.HoldsStandardStorage ?? true;

    /// <summary>
    /// Gets a value indicating whether the snapshot is in the standard tier only, with no archive
    /// operation under way or archive copy: what archiving it, or an image using it, requires.
    /// </summary>
    public bool IsStandardTierOnly => Archive is null || Archive.Status == TieringOperationStatus.PermanentRestoreCompleted;

    public bool IsCompletedAt(DateTimeOffset now) => !IsUnfinishedDirectWrite && now >= CompletesAt;

    /// <summary>
    /// Whether the snapshot's blocks can be used at <paramref name="now"/> (a volume created, a
    /// copy made, blocks listed, FSR enabled): not while it is archived and not temporarily restored.
    /// </summary>
    public bool IsReadableAt(DateTimeOffset now) => Archive?.IsReadableAt(now) ?? true;

    /// <summary>The view DescribeSnapshots returns at <paramref name="now"/>.</summary>
    public Snapshot ViewAt(DateTimeOffset now, int blockSize)
    {
        var completed = IsCompletedAt(now);
        var total = (CompletesAt - CopyStartsAt).Ticks;
        var progress = completed ? 100 : IsUnfinishedDirectWrite || total <= 0 || now <= CopyStartsAt ? 0 : (int)Math.Min(99, 100 * (now - CopyStartsAt).Ticks / total);
        return new Snapshot
        {
            SnapshotId = Id,
            OwnerId = OwnerId,
            Region = Region,
            VolumeId = VolumeId,
            VolumeSize = VolumeSizeGiB,
            Description = Description,
            State = Direct is { Status: DirectWriteStatus.Failed } ? SnapshotState.Error : completed ? SnapshotState.Completed : SnapshotState.Pending,
            ProgressPercent = progress,
            StartTime = StartTime,
            CompletionTime = completed ? CompletesAt : null,
            FullSnapshotSizeInBytes = BlockCount * blockSize,
            IncrementalSizeInBytes = ChangedBlockCount * blockSize,
            DiskImageSizeInBytes = DiskImageSizeInBytes,
            Consistency = Consistency,
            Tags = TagList.Of(Tags),
            StorageTier = IsReadableAt(now) ? StorageTier.Standard : StorageTier.Archive,
            RestoreExpiryTime = Archive is { RestoreExpiryTime: { } expiry } && now < expiry ? expiry : null,
            KmsKeyId = KmsKeyId,
        };
    }
}
