using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// Fast Snapshot Restore rules shared with other operations: disabling every enablement of a
/// snapshot (when it is archived or moved to the Recycle Bin), refusing to delete an enabled
/// snapshot, using a credit when a volume is created, and billing an enablement when it ends.
/// </summary>
internal static class FastSnapshotRestores
{
    /// <summary>The due effect that ends an enablement at its disabled instant: its billing stops.</summary>
    public const string DisabledEffect = "fast-snapshot-restore-disabled";

    /// <summary>AWS bills each enablement per minute with a one-hour minimum.</summary>
    public static readonly TimeSpan MinimumBilled = TimeSpan.FromHours(1);

    /// <summary>
    /// Disables every enablement of <paramref name="snapshotId"/> (any account, any zone) that is
    /// enabling, optimizing or enabled, giving <paramref name="reason"/> as its state transition
    /// reason, such as AWS's <c>Client.InvalidSnapshot.InvalidState - The requested snapshot was deleted or access permissions were revoked</c>.
    /// </summary>
    public static void DisableAll(Mutation m, SnapshotId snapshotId, string reason)
    {
        foreach (var record in m.World.Table(RecordKinds.FastSnapshotRestore).Values.Where(r => r.SnapshotId == snapshotId && r.IsActive).ToList())
        {
            Disable(m, record, reason);
        }
    }

    /// <summary>Starts disabling one enablement now; its billing stops when it is disabled.</summary>
    public static FastSnapshotRestoreRecord Disable(Mutation m, FastSnapshotRestoreRecord record, string reason)
    {
        var disabling = record.Disable(m.Now, reason);
        m.Set(RecordKinds.FastSnapshotRestore, disabling);
        m.Schedule(disabling.DisabledTime!.Value, DisabledEffect, disabling.Key);
        return disabling;
    }

    /// <summary>Refuses to delete a snapshot with Fast Snapshot Restore enabling, optimizing or enabled in any zone, with AWS's message.</summary>
    /// <exception cref="EbsException"><c>InvalidSnapshot.InUse</c> naming the zones.</exception>
    public static void CheckNotEnabled(World world, SnapshotId snapshotId)
    {
        var zones = world.Table(RecordKinds.FastSnapshotRestore).Values
            .Where(r => r.SnapshotId == snapshotId && r.IsActive)
            .Select(r => r.AvailabilityZone)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (zones.Count > 0)
        {
            throw new EbsException(
                EbsErrorCodes.InvalidSnapshotInUse,
                $"The snapshot {snapshotId} is currently enabled for fast restores in {string.Join(", ", zones)}. Fast snapshot restores must be disabled within all Availability Zones before the snapshot may be deleted.",
                snapshotId.Value);
        }
    }

    /// <summary>Uses one credit of <paramref name="accountId"/>'s bucket for the snapshot in the zone; returns whether there was one (FSR enabled, at least one credit).</summary>
    public static bool TryUseCredit(Mutation m, string accountId, SnapshotId snapshotId, string zone)
    {
        if (m.World.Table(RecordKinds.FastSnapshotRestore).TryGetValue(FastSnapshotRestoreRecord.KeyOf(accountId, snapshotId, zone), out var record)
            && record.UseCredit(m.Now) is { } used)
        {
            m.Set(RecordKinds.FastSnapshotRestore, used);
            return true;
        }

        return false;
    }

    /// <summary>Bills a new enablement from now: one more FSR unit in its zone.</summary>
    public static void RecordEnabled(Mutation m, FastSnapshotRestoreRecord record)
        => m.RecordUsage(UsageType.FastSnapshotRestore, record.OwnerId, record.Region, record.SnapshotId.Value, levelChange: 1, availabilityZone: record.AvailabilityZone);

    /// <summary>The <see cref="DisabledEffect"/>: one FSR unit less from the disabled instant, and the rest of the first hour when it lasted less.</summary>
    public static void Disabled(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (!m.World.Table(RecordKinds.FastSnapshotRestore).TryGetValue(due.Target, out var record))
        {
            return;
        }

        m.RecordUsage(UsageType.FastSnapshotRestore, record.OwnerId, record.Region, record.SnapshotId.Value, levelChange: -1, availabilityZone: record.AvailabilityZone);
        var lasted = m.Now - record.EnablingTime;
        if (lasted < MinimumBilled)
        {
            m.RecordUsage(UsageType.FastSnapshotRestoreMinimum, record.OwnerId, record.Region, record.SnapshotId.Value, quantity: 1, duration: MinimumBilled - lasted, availabilityZone: record.AvailabilityZone);
        }
    }
}
