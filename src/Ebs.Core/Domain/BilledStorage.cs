using Ebs.Core.BlockMaps;

namespace Ebs.Core.Domain;

/// <summary>
/// Snapshot storage as AWS bills it, which differs from what the chunk store holds: blocks are
/// shared only along a lineage (the snapshots of one volume, the volume restored from one of
/// them, copies of them), never because equal bytes sit at another offset or on an unrelated
/// volume. Each billed snapshot pays for the blocks that differ from its parent: the newest
/// billed snapshot of its lineage taken before it, or else the snapshot its volume was created
/// from; with neither, every block it holds. The billed bytes of a set of snapshots are the sum.
/// </summary>
internal static class BilledStorage
{
    /// <summary>Finds the snapshot <paramref name="snapshot"/> is billed incrementally to, among <paramref name="billed"/>.</summary>
    public static SnapshotRecord? Parent(IReadOnlyCollection<SnapshotRecord> billed, SnapshotRecord snapshot)
        => billed.Where(s => s.Lineage == snapshot.Lineage && IsBefore(s, snapshot)).MaxBy(s => (s.StartTime, s.Id.Value))
            ?? (snapshot.SourceSnapshotId is { } source ? billed.FirstOrDefault(s => s.Id == source && s.Id != snapshot.Id) : null);

    /// <summary>Counts the blocks of <paramref name="snapshot"/> that differ from its parent among <paramref name="billed"/>.</summary>
    public static long IncrementalBlocks(BlockMap map, INodeSource nodes, IReadOnlyCollection<SnapshotRecord> billed, SnapshotRecord snapshot)
        => BlocksOver(map, nodes, Parent(billed, snapshot)?.Root, snapshot.Root);

    /// <summary>
    /// Counts the billed blocks that removing <paramref name="snapshot"/> from <paramref name="billed"/>
    /// (which holds it) frees: its own increment, less what its children then pay for instead.
    /// </summary>
    public static long FreedBlocks(BlockMap map, INodeSource nodes, IReadOnlyCollection<SnapshotRecord> billed, SnapshotRecord snapshot)
    {
        var parent = Parent(billed, snapshot);
        var freed = BlocksOver(map, nodes, parent?.Root, snapshot.Root);

        // Its children: the next billed snapshot of its lineage, and first snapshots of volumes
        // created from it that nothing older in their own lineage precedes.
        var next = billed.Where(s => s.Lineage == snapshot.Lineage && IsBefore(snapshot, s)).MinBy(s => (s.StartTime, s.Id.Value));
        var restored = billed.Where(s => s.SourceSnapshotId == snapshot.Id && s.Lineage != snapshot.Lineage && Parent(billed, s)?.Id == snapshot.Id);
        var others = billed.Where(s => s.Id != snapshot.Id).ToList();
        foreach (var child in restored.Prepend(next).OfType<SnapshotRecord>().ToList())
        {
            freed += BlocksOver(map, nodes, snapshot.Root, child.Root) - BlocksOver(map, nodes, Parent(others, child)?.Root, child.Root);
        }

        return freed;
    }

    /// <summary>Counts the blocks <paramref name="root"/> holds with other contents than <paramref name="parentRoot"/>.</summary>
    private static long BlocksOver(BlockMap map, INodeSource nodes, NodeId? parentRoot, NodeId? root)
    {
        if (parentRoot is null)
        {
            return BlockMap.BlockCount(nodes, root);
        }

        var count = 0L;
        map.Diff(nodes, parentRoot, root, 0, (_, _, second) =>
        {
            count += second is null ? 0 : 1;
            return true;
        });
        return count;
    }

    private static bool IsBefore(SnapshotRecord s, SnapshotRecord other)
        => s.StartTime < other.StartTime || (s.StartTime == other.StartTime && string.CompareOrdinal(s.Id.Value, other.Id.Value) < 0);
}
