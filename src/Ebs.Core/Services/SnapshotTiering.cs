using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The archive tier's time-driven effects and billing, shared by the operations that move a
/// snapshot between tiers and by the delete path. Archive storage is billed at full size from
/// archival completion until the snapshot leaves the archive; a temporary restore's standard
/// copy at full size while it exists; an archive copy that leaves before
/// the Region's <see cref="PriceList.SnapshotArchiveMinimumPeriod"/> pays for the rest of it.
/// </summary>
internal static class SnapshotTiering
{
    /// <summary>The effect that ends an archival: the snapshot is in the archive tier only.</summary>
    public const string ArchivalCompletes = "snapshot-archival-completes";

    /// <summary>The effect that ends a restore, temporary or permanent.</summary>
    public const string RestoreCompletes = "snapshot-restore-completes";

    /// <summary>The effect that removes a temporary restore's standard copy.</summary>
    public const string TemporaryRestoreExpires = "snapshot-temporary-restore-expires";

    /// <summary>
    /// Starts archiving a completed standard-tier snapshot: its Fast Snapshot Restore disabled, its shares ended ("the
    /// accounts with which the snapshot is shared lose access after the snapshot is archived"), archival completing after
    /// <see cref="EbsOptions.SnapshotArchiveTime"/>.
    /// </summary>
    public static void StartArchival(CloudEngine engine, Mutation m, SnapshotRecord snapshot)
    {
        FastSnapshotRestores.DisableAll(m, snapshot.Id, FastSnapshotRestoreRecord.SnapshotUnusable);
        var completesAt = m.Now + engine.Options.SnapshotArchiveTime;
        m.SetSnapshot(snapshot with
        {
            CreateVolumePermissions = [],
            Archive = new SnapshotArchive { Status = TieringOperationStatus.ArchivalInProgress, StartTime = m.Now, CompletesAt = completesAt },
        });
        m.Schedule(completesAt, ArchivalCompletes, snapshot.Id.Value);
    }

    /// <summary>Completes an archival: the standard tier keeps only what other snapshots need (the ledger follows the record), the archive holds it all.</summary>
    public static void CompleteArchival(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Snapshots.GetValueOrDefault(SnapshotId.Parse(due.Target)) is not { Archive: not null } snapshot)
        {
            return;
        }

        m.SetSnapshot(snapshot with { Archive = snapshot.Archive! with { Status = TieringOperationStatus.ArchivalCompleted, ArchivedAt = m.Now } });
        m.RecordUsage(UsageType.SnapshotArchiveStorage, snapshot.OwnerId, snapshot.Region, due.Target, levelChange: FullSize(engine, snapshot));
    }

    /// <summary>
    /// Completes a restore. Temporary: the standard copy exists, billed at full size, until its
    /// expiry. Permanent: the snapshot is a standard one again (the ledger follows the record)
    /// and leaves the archive.
    /// </summary>
    public static void CompleteRestore(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Snapshots.GetValueOrDefault(SnapshotId.Parse(due.Target)) is not { Archive: not null } snapshot)
        {
            return;
        }

        var archive = snapshot.Archive!;
        if (archive.Status == TieringOperationStatus.TemporaryRestoreInProgress)
        {
            m.SetSnapshot(snapshot with { Archive = archive with { Status = TieringOperationStatus.TemporaryRestoreCompleted } });
            m.RecordUsage(UsageType.SnapshotStorage, snapshot.OwnerId, snapshot.Region, due.Target, levelChange: FullSize(engine, snapshot));
            m.Schedule(archive.RestoreExpiryTime!.Value, TemporaryRestoreExpires, due.Target);
            return;
        }

        LeaveArchive(engine, m, snapshot, FullSize(engine, snapshot));
        m.SetSnapshot(snapshot with { Archive = archive with { Status = TieringOperationStatus.PermanentRestoreCompleted } });
    }

    /// <summary>Removes a temporary restore's standard copy: the snapshot is in the archive only again.</summary>
    public static void ExpireTemporaryRestore(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Snapshots.GetValueOrDefault(SnapshotId.Parse(due.Target)) is not { Archive: not null } snapshot)
        {
            return;
        }

        m.RecordUsage(UsageType.SnapshotStorage, snapshot.OwnerId, snapshot.Region, due.Target, levelChange: -FullSize(engine, snapshot));
    }

    /// <summary>
    /// Settles the archive tier of a snapshot being deleted, before it is removed: cancels its
    /// pending archive or restore events, stops billing a temporary restore's standard copy and
    /// the archive copy, and bills the rest of the 90-day minimum. Nothing for a snapshot never archived.
    /// </summary>
    public static void Discard(CloudEngine engine, Mutation m, SnapshotRecord snapshot)
    {
        if (snapshot.Archive is not { } archive)
        {
            return;
        }

        var full = FullSize(engine, snapshot);
        if (archive.IsInProgress)
        {
            m.Unschedule(new DueEvent(archive.CompletesAt, archive.Status == TieringOperationStatus.ArchivalInProgress ? ArchivalCompletes : RestoreCompletes, snapshot.Id.Value));
        }
        else if (archive.Status == TieringOperationStatus.TemporaryRestoreCompleted && m.World.Table(RecordKinds.Due).ContainsKey(TemporaryCopyExpiry(snapshot).Key))
        {
            // The copy is billed until its expiry event applies, which may be due at this very
            // instant yet come after this deletion (a Recycle Bin exit at the same instant).
            EndTemporaryCopy(m, snapshot, full);
        }

        if (archive.HoldsArchiveCopy)
        {
            LeaveArchive(engine, m, snapshot, full);
        }
    }

    /// <summary>Removes a temporary restore's standard copy before its expiry: its event and its billing.</summary>
    public static void EndTemporaryCopy(Mutation m, SnapshotRecord snapshot, long full)
    {
        m.Unschedule(TemporaryCopyExpiry(snapshot));
        m.RecordUsage(UsageType.SnapshotStorage, snapshot.OwnerId, snapshot.Region, snapshot.Id.Value, levelChange: -full);
    }

    /// <summary>Stops billing the archive copy and bills what remains of its 90 days, rounded to the nearest hour as AWS does.</summary>
    public static void LeaveArchive(CloudEngine engine, Mutation m, SnapshotRecord snapshot, long full)
    {
        m.RecordUsage(UsageType.SnapshotArchiveStorage, snapshot.OwnerId, snapshot.Region, snapshot.Id.Value, levelChange: -full);
        var remaining = engine.Options.PricesIn(snapshot.Region).SnapshotArchiveMinimumPeriod - (m.Now - snapshot.Archive!.ArchivedAt!.Value);
        var hours = Math.Round(remaining.TotalHours, MidpointRounding.AwayFromZero);
        if (hours > 0)
        {
            m.RecordUsage(UsageType.SnapshotArchiveEarlyDeletion, snapshot.OwnerId, snapshot.Region, snapshot.Id.Value, quantity: full, duration: TimeSpan.FromHours(hours));
        }
    }

    /// <summary>The event that removes a temporary restore's standard copy.</summary>
    private static DueEvent TemporaryCopyExpiry(SnapshotRecord snapshot) => new(snapshot.Archive!.RestoreExpiryTime!.Value, TemporaryRestoreExpires, snapshot.Id.Value);

    private static long FullSize(CloudEngine engine, SnapshotRecord snapshot) => snapshot.BlockCount * engine.BlockSize;
}
