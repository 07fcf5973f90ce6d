using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The billed snapshots of one account and Region, indexed by lineage and by the snapshot a
/// volume was restored from, so that the ledger hands <see cref="BilledStorage"/> only the
/// snapshots that can be a snapshot's parent or child: a change then costs the size of its
/// lineage, not of the Region (a lifecycle policy's runs would otherwise cost every snapshot it keeps).
/// </summary>
internal sealed class BilledSnapshotIndex
{
    private readonly Dictionary<SnapshotId, SnapshotRecord> _byId = [];
    private readonly Dictionary<VolumeId, Dictionary<SnapshotId, SnapshotRecord>> _byLineage = [];
    private readonly Dictionary<SnapshotId, Dictionary<SnapshotId, SnapshotRecord>> _bySource = [];

    public BilledSnapshotIndex(IEnumerable<SnapshotRecord> billed)
    {
        foreach (var snapshot in billed)
        {
            Add(snapshot);
        }
    }

    public void Add(SnapshotRecord snapshot)
    {
        _byId[snapshot.Id] = snapshot;
        Bucket(_byLineage, snapshot.Lineage)[snapshot.Id] = snapshot;
        if (snapshot.SourceSnapshotId is { } source)
        {
            Bucket(_bySource, source)[snapshot.Id] = snapshot;
        }
    }

    public void Remove(SnapshotRecord snapshot)
    {
        _byId.Remove(snapshot.Id);
        _byLineage.GetValueOrDefault(snapshot.Lineage)?.Remove(snapshot.Id);
        if (snapshot.SourceSnapshotId is { } source)
        {
            _bySource.GetValueOrDefault(source)?.Remove(snapshot.Id);
        }
    }

    /// <summary>
    /// The billed snapshots <see cref="BilledStorage.FreedBlocks"/> looks at for <paramref name="snapshot"/>:
    /// its lineage (itself included) and the snapshots their volumes were restored from, and the snapshots restored
    /// from it with their lineages.
    /// </summary>
    public IReadOnlyCollection<SnapshotRecord> Around(SnapshotRecord snapshot)
    {
        var around = new Dictionary<SnapshotId, SnapshotRecord>();
        AddLineage(around, snapshot.Lineage);

        foreach (var restored in _bySource.GetValueOrDefault(snapshot.Id)?.Values.ToList() ?? [])
        {
            AddLineage(around, restored.Lineage);
        }

        return around.Values;
    }

    private void AddLineage(Dictionary<SnapshotId, SnapshotRecord> around, VolumeId lineage)
    {
        foreach (var member in _byLineage.GetValueOrDefault(lineage)?.Values.ToList() ?? [])
        {
            around[member.Id] = member;
            if (member.SourceSnapshotId is { } source && _byId.TryGetValue(source, out var parent))
            {
                around[parent.Id] = parent;
            }
        }
    }

    private static Dictionary<SnapshotId, SnapshotRecord> Bucket<TKey>(Dictionary<TKey, Dictionary<SnapshotId, SnapshotRecord>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var bucket))
        {
            bucket = [];
            index[key] = bucket;
        }

        return bucket;
    }
}
