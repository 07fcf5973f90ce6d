namespace Ebs.Core.Domain;

/// <summary>
/// A snapshot's place in the archive tier: its last archive or restore operation, when that
/// started and completes, and the instants that follow from it. Completions are due events
/// (they change billing at their instant), so <see cref="Status"/> is the state as of the last
/// applied event; only the end of a temporary restore is derived from <see cref="RestoreExpiryTime"/>.
/// </summary>
internal sealed record SnapshotArchive
{
    /// <summary>Gets the last operation and how far it got.</summary>
    public required TieringOperationStatus Status { get; init; }

    /// <summary>Gets the instant the last operation started (AWS's <c>LastTieringStartTime</c>).</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the instant the last operation completes, or completed.</summary>
    public required DateTimeOffset CompletesAt { get; init; }

    /// <summary>Gets the instant archiving completed (AWS's <c>ArchivalCompleteTime</c>): when the archive copy's 90 days began.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>Gets the instant a temporary restore's standard copy is removed; <see langword="null"/> for other operations.</summary>
    public DateTimeOffset? RestoreExpiryTime { get; init; }

    /// <summary>Gets a value indicating whether the snapshot's blocks are billed in the standard tier as other standard snapshots are.</summary>
    public bool HoldsStandardStorage => Status is TieringOperationStatus.ArchivalInProgress or TieringOperationStatus.PermanentRestoreCompleted;

    /// <summary>Gets a value indicating whether a full copy of the snapshot is in the archive tier.</summary>
    public bool HoldsArchiveCopy => Status is TieringOperationStatus.ArchivalCompleted
        or TieringOperationStatus.TemporaryRestoreInProgress
        or TieringOperationStatus.TemporaryRestoreCompleted
        or TieringOperationStatus.PermanentRestoreInProgress;

    /// <summary>Gets a value indicating whether the last operation is still under way (its completion is a pending due event).</summary>
    public bool IsInProgress => Status is TieringOperationStatus.ArchivalInProgress
        or TieringOperationStatus.TemporaryRestoreInProgress
        or TieringOperationStatus.PermanentRestoreInProgress;

    /// <summary>Whether a temporarily restored standard copy is usable at <paramref name="now"/>.</summary>
    public bool IsTemporarilyRestoredAt(DateTimeOffset now) => Status == TieringOperationStatus.TemporaryRestoreCompleted && now < RestoreExpiryTime;

    /// <summary>Whether the snapshot can be used at <paramref name="now"/>: still being archived, back for good, or temporarily restored.</summary>
    public bool IsReadableAt(DateTimeOffset now) => HoldsStandardStorage || IsTemporarilyRestoredAt(now);

    /// <summary>The last operation's progress at <paramref name="now"/>, 0 to 100, in proportion to its time.</summary>
    public int ProgressAt(DateTimeOffset now)
    {
        var total = (CompletesAt - StartTime).Ticks;
        return !IsInProgress || total <= 0 ? 100 : (int)Math.Clamp(100 * (now - StartTime).Ticks / total, 0, 99);
    }
}
