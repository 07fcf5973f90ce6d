using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// A snapshot's storage tier and its last archive or restore operation, as
/// DescribeSnapshotTierStatus returns it (AWS's <c>SnapshotTierStatus</c>; its free-text
/// <c>LastTieringOperationStatusDetail</c> is left out, as the library's operations never fail).
/// </summary>
public sealed record SnapshotTierStatus
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal SnapshotTierStatus()
    {
    }

    /// <summary>Gets the snapshot id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the snapshot's source volume.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the snapshot's state.</summary>
    public required SnapshotState Status { get; init; }

    /// <summary>Gets the owning account id.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the snapshot's tags.</summary>
    public TagList Tags { get; init; } = TagList.Empty;

    /// <summary>Gets the tier the snapshot is in (see <see cref="Snapshot.StorageTier"/>).</summary>
    public required StorageTier StorageTier { get; init; }

    /// <summary>Gets the instant the last archive or restore operation started.</summary>
    public required DateTimeOffset LastTieringStartTime { get; init; }

    /// <summary>Gets the last operation's progress as a percentage, in proportion to its time.</summary>
    public required int LastTieringProgress { get; init; }

    /// <summary>Gets the last operation and how far it got.</summary>
    public required TieringOperationStatus LastTieringOperationStatus { get; init; }

    /// <summary>Gets the instant archiving completed, or <see langword="null"/> while it is in progress.</summary>
    public DateTimeOffset? ArchivalCompleteTime { get; init; }

    /// <summary>Gets the instant a temporary restore's standard copy is removed (only while temporarily restored or being restored).</summary>
    public DateTimeOffset? RestoreExpiryTime { get; init; }
}
