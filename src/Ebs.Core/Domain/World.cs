using System.Collections.Immutable;
using Ebs.Core.Storage;

namespace Ebs.Core.Domain;

/// <summary>
/// All aggregates of a cloud at one instant, one table per <see cref="RecordKind{TKey, TRecord}"/>;
/// replaced whole on every commit so readers never lock.
/// </summary>
internal sealed class World
{
    private readonly ImmutableDictionary<IRecordKind, object> _tables;

    private World(ImmutableDictionary<IRecordKind, object> tables) => _tables = tables;

    public static World Empty { get; } = new(ImmutableDictionary<IRecordKind, object>.Empty);

    public IImmutableDictionary<VolumeId, VolumeRecord> Volumes => Table(RecordKinds.Volume);

    public IImmutableDictionary<SnapshotId, SnapshotRecord> Snapshots => Table(RecordKinds.Snapshot);

    public IImmutableDictionary<ImageId, ImageRecord> Images => Table(RecordKinds.Image);

    public IImmutableDictionary<InstanceId, InstanceRecord> Instances => Table(RecordKinds.Instance);

    /// <summary>Gets the records of one kind.</summary>
    public IImmutableDictionary<TKey, TRecord> Table<TKey, TRecord>(RecordKind<TKey, TRecord> kind)
        where TKey : notnull
        where TRecord : class
        => _tables.TryGetValue(kind, out var table) ? (IImmutableDictionary<TKey, TRecord>)table : kind.Empty;

    /// <summary>Returns this world with the records of one kind replaced.</summary>
    public World With<TKey, TRecord>(RecordKind<TKey, TRecord> kind, IImmutableDictionary<TKey, TRecord> table)
        where TKey : notnull
        where TRecord : class
        => new(_tables.SetItem(kind, table));
}
