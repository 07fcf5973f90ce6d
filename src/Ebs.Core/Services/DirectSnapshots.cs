using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The time-driven effect of the EBS direct APIs: a started snapshot that is neither written to nor completed within its timeout fails.</summary>
internal static class DirectSnapshots
{
    /// <summary>The name of the effect that fails a snapshot whose timeout passed.</summary>
    public const string TimeoutEffect = "DirectSnapshotTimeout";

    /// <summary>
    /// Moves a snapshot still being written to <c>error</c> and gives up its blocks (their chunks
    /// are freed unless something else holds them); nothing when it was completed, deleted or
    /// written to since (a write moves the timeout).
    /// </summary>
    public static void TimedOut(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (!m.World.Snapshots.TryGetValue(SnapshotId.Parse(due.Target), out var snapshot)
            || snapshot.Direct is not { Status: DirectWriteStatus.Writing } direct
            || direct.TimesOutAt != due.Due)
        {
            return;
        }

        m.Refs.Release(snapshot.Root);
        m.SetSnapshot(snapshot with
        {
            Root = null,
            BlockCount = 0,
            ChangedBlockCount = 0,
            CompletesAt = due.Due,
            Direct = direct with { Status = DirectWriteStatus.Failed, WrittenBlocks = 0 },
        });
    }
}
