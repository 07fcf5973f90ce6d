using Ebs.Core.BlockMaps;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// Keeps the ledger's <see cref="UsageType.SnapshotStorage"/> level equal to the billed bytes of
/// each account and Region (<see cref="BilledStorage"/>), for every change, whatever made it:
/// each snapshot that leaves the billed set (deleted, expired from the Recycle Bin, archived)
/// gives back what removing it frees, and each that joins it (created, copied, restored) adds
/// what it costs, one after another so that changes in one call see each other.
/// </summary>
internal static class StandardStorageLedger
{
    /// <summary>Records the billed-bytes changes between <paramref name="before"/> and the mutation's world.</summary>
    public static void Record(BlockMap map, int blockSize, World before, Mutation m)
    {
        if (m.TouchedSnapshots.Count == 0)
        {
            return;
        }

        var after = m.World;
        var left = new List<SnapshotRecord>();
        var joined = new List<SnapshotRecord>();
        foreach (var id in m.TouchedSnapshots)
        {
            var was = before.Snapshots.GetValueOrDefault(id) is { HoldsStandardStorage: true } old ? old : null;
            var now = after.Snapshots.GetValueOrDefault(id) is { HoldsStandardStorage: true } current ? current : null;
            if (was is not null && now is null)
            {
                left.Add(was);
            }
            else if (was is null && now is not null)
            {
                joined.Add(now);
            }
        }

        foreach (var scope in left.Concat(joined).Select(s => (s.OwnerId, s.Region)).Distinct())
        {
            var billed = new BilledSnapshotIndex(before.Snapshots.Values.Where(s => s.HoldsStandardStorage && s.OwnerId == scope.OwnerId && s.Region == scope.Region));
            foreach (var snapshot in left.Where(s => (s.OwnerId, s.Region) == scope))
            {
                var freed = BilledStorage.FreedBlocks(map, m.Refs, billed.Around(snapshot), snapshot);
                billed.Remove(snapshot);
                m.RecordUsage(UsageType.SnapshotStorage, scope.OwnerId, scope.Region, snapshot.Id.Value, levelChange: -freed * blockSize);
            }

            foreach (var snapshot in joined.Where(s => (s.OwnerId, s.Region) == scope).OrderBy(s => (s.StartTime, s.Id.Value)))
            {
                billed.Add(snapshot);
                var cost = BilledStorage.FreedBlocks(map, m.Refs, billed.Around(snapshot), snapshot);
                m.RecordUsage(UsageType.SnapshotStorage, scope.OwnerId, scope.Region, snapshot.Id.Value, levelChange: cost * blockSize);
            }
        }
    }
}
