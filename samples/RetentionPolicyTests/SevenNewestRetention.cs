using System.Globalization;
using Ebs.Core.Domain;

namespace RetentionPolicyTests;

/// <summary>
/// A wrong variant of <see cref="Retention"/>: it takes "the last 7 daily" to be the 7 newest snapshots,
/// so a day with several snapshots crowds an older day's snapshot out.
/// </summary>
public static class SevenNewestRetention
{
    /// <summary>The snapshots to delete.</summary>
    public static IReadOnlyList<SnapshotId> Expired(IReadOnlyList<Snapshot> snapshots)
    {
        var newestFirst = snapshots.OrderByDescending(s => s.StartTime).ToList();
        var keep = newestFirst.Take(7).Select(s => s.SnapshotId).ToHashSet();
        var weeks = new HashSet<(int Year, int Week)>();
        foreach (var snapshot in newestFirst)
        {
            var at = snapshot.StartTime.UtcDateTime;
            if (weeks.Count < 4 && weeks.Add((ISOWeek.GetYear(at), ISOWeek.GetWeekOfYear(at))))
            {
                keep.Add(snapshot.SnapshotId);
            }
        }

        return [.. newestFirst.Where(s => !keep.Contains(s.SnapshotId)).Select(s => s.SnapshotId)];
    }
}
