using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The working copy of one state change: the world to publish, the reference-count edits and
/// the instant, plus a journal of the records and blocks it touched, which is what a durable
/// <see cref="IStateStore"/> commits (kept only when there is one).
/// </summary>
internal sealed class Mutation(World world, GraphTransaction refs, DateTimeOffset now, bool journal)
{
    private readonly Dictionary<(IRecordKind Kind, object Key), object?> _records = [];
    private readonly Dictionary<(VolumeId Volume, long Block), ChunkId?> _blocks = [];
    private readonly HashSet<SnapshotId> _touchedSnapshots = [];

    /// <summary>The world's snapshots by volume id, built on first use and kept by <see cref="SetSnapshot"/> and <see cref="RemoveSnapshot"/>.</summary>
    private Dictionary<VolumeId, HashSet<SnapshotId>>? _snapshotsByVolume;

    public World World { get; private set; } = world;

    /// <summary>Gets the chunks the call staged, stored only when it commits (readable meanwhile through here).</summary>
    public IReadOnlyDictionary<ChunkId, ReadOnlyMemory<byte>>? Staged { get; init; }

    public GraphTransaction Refs { get; } = refs;

    /// <summary>Gets the instant the change happens at; due work moves it forward to each event's own instant.</summary>
    public DateTimeOffset Now { get; private set; } = now;

    /// <summary>Gets the chunks stored while applying; any that end up unreferenced are deleted.</summary>
    public List<ChunkId> StoredChunks { get; } = [];

    /// <summary>Gets the snapshots set or removed, whose billed storage the ledger follows (see <see cref="StandardStorageLedger"/>).</summary>
    public IReadOnlyCollection<SnapshotId> TouchedSnapshots => _touchedSnapshots;

    /// <summary>Empties <see cref="TouchedSnapshots"/> once the ledger has billed them, so that the next change is billed on its own.</summary>
    public void ForgetTouchedSnapshots() => _touchedSnapshots.Clear();

    /// <summary>Moves <see cref="Now"/> forward to <paramref name="instant"/>, never back.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > Now)
        {
            Now = instant;
        }
    }

    /// <summary>Inserts or replaces a record.</summary>
    public void Set<TKey, TRecord>(RecordKind<TKey, TRecord> kind, TRecord record)
        where TKey : notnull
        where TRecord : class
    {
        var key = kind.KeyOf(record);
        World = World.With(kind, World.Table(kind).SetItem(key, record));
        if (journal)
        {
            _records[(kind, key)] = record;
        }
    }

    /// <summary>Removes a record.</summary>
    public void Remove<TKey, TRecord>(RecordKind<TKey, TRecord> kind, TKey key)
        where TKey : notnull
        where TRecord : class
    {
        World = World.With(kind, World.Table(kind).Remove(key));
        if (journal)
        {
            _records[(kind, key)] = null;
        }
    }

    /// <summary>Schedules <paramref name="effect"/> on <paramref name="target"/> at <paramref name="due"/> (see <see cref="DueEffects"/>).</summary>
    public DueEvent Schedule(DateTimeOffset due, string effect, string target)
    {
        var scheduled = new DueEvent(due, effect, target);
        Set(RecordKinds.Due, scheduled);
        return scheduled;
    }

    /// <summary>Cancels a scheduled event; nothing when it is not pending.</summary>
    public void Unschedule(DueEvent scheduled)
    {
        if (World.Table(RecordKinds.Due).ContainsKey(scheduled.Key))
        {
            Remove(RecordKinds.Due, scheduled.Key);
        }
    }

    public void SetVolume(VolumeRecord volume) => Set(RecordKinds.Volume, volume);

    /// <summary>Journals written-back blocks of a volume: a chunk, or <see langword="null"/> when the entry is dropped.</summary>
    public void SetBlocks(VolumeId volume, IEnumerable<(long Block, ChunkId? Chunk)> blocks)
    {
        if (!journal)
        {
            return;
        }

        foreach (var (block, chunk) in blocks)
        {
            _blocks[(volume, block)] = chunk;
        }
    }

    /// <summary>Removes a volume and gives up everything it holds: its maps and its written-back blocks.</summary>
    public void DiscardVolume(VolumeRecord volume)
    {
        Refs.Release(volume.BaseRoot);
        Refs.Release(volume.LazyLoad?.SourceRoot);
        foreach (var chunk in volume.Dirty.Values)
        {
            Refs.Release(chunk);
        }

        Remove(RecordKinds.Volume, volume.Id);
        SetBlocks(volume.Id, volume.Dirty.Keys.Select(block => (block, (ChunkId?)null)));
    }

    public void SetSnapshot(SnapshotRecord snapshot)
    {
        if (_snapshotsByVolume is not null)
        {
            Unindex(snapshot.Id);
            IndexOf(snapshot.VolumeId).Add(snapshot.Id);
        }

        Set(RecordKinds.Snapshot, snapshot);
        _touchedSnapshots.Add(snapshot.Id);
    }

    public void RemoveSnapshot(SnapshotId id)
    {
        if (_snapshotsByVolume is not null)
        {
            Unindex(id);
        }

        Remove(RecordKinds.Snapshot, id);
        _touchedSnapshots.Add(id);
    }

    /// <summary>
    /// The world's snapshots whose volume id is <paramref name="volumeId"/>, of any account and
    /// Region. The index is built once per change and then kept up to date, so that a change taking
    /// many snapshots (a lifecycle policy's runs caught up in one call) does not scan every
    /// snapshot for each.
    /// </summary>
    public IEnumerable<SnapshotRecord> SnapshotsOfVolume(VolumeId volumeId)
    {
        if (_snapshotsByVolume is null)
        {
            _snapshotsByVolume = [];
            foreach (var snapshot in World.Snapshots.Values)
            {
                IndexOf(snapshot.VolumeId).Add(snapshot.Id);
            }
        }

        var snapshots = World.Snapshots;
        return _snapshotsByVolume.TryGetValue(volumeId, out var ids) ? ids.Select(id => snapshots[id]).ToList() : [];
    }

    private HashSet<SnapshotId> IndexOf(VolumeId volumeId)
    {
        if (!_snapshotsByVolume!.TryGetValue(volumeId, out var ids))
        {
            ids = [];
            _snapshotsByVolume[volumeId] = ids;
        }

        return ids;
    }

    private void Unindex(SnapshotId id)
    {
        if (World.Snapshots.GetValueOrDefault(id) is { } old)
        {
            _snapshotsByVolume!.GetValueOrDefault(old.VolumeId)?.Remove(id);
        }
    }

    /// <summary>
    /// Appends a line to the usage ledger at <see cref="Now"/>: a change of level
    /// (<paramref name="levelChange"/>) or a one-off charge (<paramref name="quantity"/>, for
    /// <paramref name="duration"/> where priced per time). See <see cref="UsageEntry"/>.
    /// </summary>
    public void RecordUsage(
        UsageType type,
        string accountId,
        string region,
        string resourceId,
        long levelChange = 0,
        long quantity = 0,
        TimeSpan duration = default,
        string? availabilityZone = null)
    {
        if (levelChange == 0 && quantity == 0)
        {
            return;
        }

        Set(RecordKinds.Usage, new UsageEntry
        {
            Sequence = World.Table(RecordKinds.Usage).Count,
            At = Now,
            AccountId = accountId,
            Region = region,
            Type = type,
            AvailabilityZone = availabilityZone,
            ResourceId = resourceId,
            LevelChange = levelChange,
            Quantity = quantity,
            Duration = duration,
        });
    }

    public void SetImage(ImageRecord image) => Set(RecordKinds.Image, image);

    public void RemoveImage(ImageId id) => Remove(RecordKinds.Image, id);

    /// <summary>Builds the changes a state store commits: the journal plus the graph's new and deleted nodes.</summary>
    public StateChanges ToStateChanges()
    {
        var upserts = new List<StateDocument>();
        var deletes = new List<(string Kind, string Key)>();
        foreach (var ((kind, key), record) in _records)
        {
            if (record is null)
            {
                deletes.Add((kind.Name, kind.KeyText(key)));
            }
            else
            {
                upserts.Add(kind.EncodeRecord(record));
            }
        }

        foreach (var ((volume, block), chunk) in _blocks)
        {
            if (chunk is { } c)
            {
                upserts.Add(StateCodec.EncodeBlock(volume, block, c));
            }
            else
            {
                deletes.Add((StateCodec.BlockKind, StateCodec.BlockKey(volume, block)));
            }
        }

        return new StateChanges
        {
            Upserts = upserts,
            Deletes = deletes,
            NewNodes = [.. Refs.NodesToStore.Select(n => (n.Id, StateCodec.Encode(n)))],
            DeletedNodes = [.. Refs.NodesToDelete],
        };
    }
}
