using Ebs.Core.BlockMaps;

namespace Ebs.Core.Domain;

/// <summary>
/// What a new snapshot of a volume is incremental to. As in AWS, that is the newest snapshot
/// of the volume that still exists or, when none does, the snapshot the volume was created
/// from ("Snapshot D is created from EBS volume 1. Snapshot D is an incremental snapshot of
/// A"); with neither, the snapshot is full. Deleting a snapshot therefore makes the next one
/// copy what the deleted one had copied. A snapshot in the Recycle Bin still exists (it holds its
/// blocks and can be restored unchanged), so it stays a predecessor until deleted for good.
/// </summary>
internal static class SnapshotLineage
{
    /// <summary>Finds the snapshot a new snapshot of <paramref name="volume"/> would be incremental to.</summary>
    /// <param name="world">The world.</param>
    /// <param name="volumeSnapshots">The world's snapshots whose volume id is the volume's.</param>
    /// <param name="volume">The volume.</param>
    public static SnapshotRecord? Predecessor(World world, IEnumerable<SnapshotRecord> volumeSnapshots, VolumeRecord volume)
    {
        // A volume's snapshots complete in the order they were taken (SnapshotQueue), so the
        // latest completion is the newest; two that tie have equal contents.
        var newest = volumeSnapshots
            .Where(s => s.VolumeId == volume.Id && s.OwnerId == volume.View.OwnerId && s.Region == volume.View.Region)
            .MaxBy(s => s.CompletesAt);
        // A volume created from another account's snapshot starts afresh: AWS bills its first snapshot in full.
        return newest ?? (volume.View.SnapshotId is { } source && world.Snapshots.GetValueOrDefault(source) is { } origin && origin.OwnerId == volume.View.OwnerId ? origin : null);
    }

    /// <summary>
    /// Counts the blocks a snapshot of <paramref name="volume"/> taken now changes relative to
    /// <paramref name="predecessorRoot"/>: those written since the volume's base map was frozen
    /// with bytes other than the base's (a block written with the bytes it held is listed by
    /// ListChangedBlocks but copies nothing), and those where the base map differs from the
    /// predecessor's (a deleted snapshot's changes). The maps are diffed by subtree id, so the
    /// cost follows the changes, not the volume size.
    /// </summary>
    public static long ChangedBlocks(BlockMap map, INodeSource nodes, NodeId? predecessorRoot, VolumeRecord volume)
    {
        var changed = 0L;
        var rewritten = new HashSet<long>();
        foreach (var (block, chunk) in volume.Dirty)
        {
            if (map.Lookup(nodes, volume.BaseRoot, block) == chunk)
            {
                rewritten.Add(block);
            }
            else
            {
                changed++;
            }
        }

        map.Diff(nodes, predecessorRoot, volume.BaseRoot, 0, (index, _, _) =>
        {
            changed += volume.Dirty.ContainsKey(index) && !rewritten.Contains(index) ? 0 : 1;
            return true;
        });
        return changed;
    }
}
