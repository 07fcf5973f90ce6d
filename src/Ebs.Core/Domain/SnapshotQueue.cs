using System.Collections.Immutable;

namespace Ebs.Core.Domain;

/// <summary>
/// The snapshots of one volume that are still copying, as AWS runs them: one after another
/// (a newer snapshot stays pending until the older ones complete), at most
/// <see cref="Limit"/> at a time, and a snapshot deleted while pending keeps its place until
/// it would have completed.
/// </summary>
internal static class SnapshotQueue
{
    /// <summary>The concurrent pending snapshots allowed per gp2, gp3, io1, io2 or standard volume.</summary>
    public const int Limit = 5;

    /// <summary>Counts the snapshots still pending at <paramref name="now"/>.</summary>
    public static int PendingAt(ImmutableArray<DateTimeOffset> completions, DateTimeOffset now) => completions.Count(c => c > now);

    /// <summary>Schedules a snapshot taken at <paramref name="now"/> whose copy lasts <paramref name="copyTime"/>.</summary>
    /// <returns>When its copy starts and ends, and the queue with it added and completed ones dropped.</returns>
    public static (DateTimeOffset CopyStartsAt, DateTimeOffset CompletesAt, ImmutableArray<DateTimeOffset> Queue) Enqueue(
        ImmutableArray<DateTimeOffset> completions, DateTimeOffset now, TimeSpan copyTime)
    {
        var pending = completions.Where(c => c > now).ToImmutableArray();
        var start = pending.IsEmpty ? now : pending.Max();
        return (start, start + copyTime, pending.Add(start + copyTime));
    }
}
