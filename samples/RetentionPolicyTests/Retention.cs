using System.Globalization;
using Ebs.Core.Domain;

namespace RetentionPolicyTests;

/// <summary>
/// The retention under test: keep the newest snapshot of each of the last 7 days that have one and the
/// newest of each of the last 4 ISO weeks that have one; every other snapshot expires.
/// </summary>
public static class Retention
{
    /// <summary>The snapshots to delete.</summary>
    public static IReadOnlyList<SnapshotId> Expired(IReadOnlyList<Snapshot> snapshots)
    {
        var days = new HashSet<DateTime>();
        var weeks = new HashSet<(int Year, int Week)>();
        var expired = new List<SnapshotId>();
        foreach (var snapshot in snapshots.OrderByDescending(s => s.StartTime))
        {
            var at = snapshot.StartTime.UtcDateTime;
            var daily = days.Count < 7 && days.Add(at.Date);
            var weekly = weeks.Count < 4 && weeks.Add((ISOWeek.GetYear(at), ISOWeek.GetWeekOfYear(at)));
            if (!daily && !weekly)
            {
                expired.Add(snapshot.SnapshotId);
            }
        }

        return expired;
    }
}
