using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The working copy of one state change: the world to publish, the reference-count edits and
/// the instant, plus a journal of the aggregates and blocks it touched, which is what a
/// durable <see cref="IStateStore"/> commits (kept only when there is one).
/// </summary>
internal sealed class Mutation(World world, GraphTransaction refs, DateTimeOffset now, bool journal)
{
    private readonly Dictionary<VolumeId, VolumeRecord?> _volumes = [];
    private readonly Dictionary<SnapshotId, SnapshotRecord?> _snapshots = [];
    private readonly Dictionary<ImageId, ImageRecord?> _images = [];
    private readonly Dictionary<(VolumeId Volume, long Block), ChunkId?> _blocks = [];

    public World World { get; private set; } = world;

    public GraphTransaction Refs { get; } = refs;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Gets the chunks stored while applying; any that end up unreferenced are deleted.</summary>
    public List<ChunkId> StoredChunks { get; } = [];

    public void SetVolume(VolumeRecord volume)
    {
        World = World with { Volumes = World.Volumes.SetItem(volume.Id, volume) };
        if (journal)
        {
            _volumes[volume.Id] = volume;
        }
    }

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

        World = World with { Volumes = World.Volumes.Remove(volume.Id) };
        if (journal)
        {
            _volumes[volume.Id] = null;
        }

        SetBlocks(volume.Id, volume.Dirty.Keys.Select(block => (block, (ChunkId?)null)));
    }

    public void SetSnapshot(SnapshotRecord snapshot)
    {
        World = World with { Snapshots = World.Snapshots.SetItem(snapshot.Id, snapshot) };
        if (journal)
        {
            _snapshots[snapshot.Id] = snapshot;
        }
    }

    public void RemoveSnapshot(SnapshotId id)
    {
        World = World with { Snapshots = World.Snapshots.Remove(id) };
        if (journal)
        {
            _snapshots[id] = null;
        }
    }

    public void SetImage(ImageRecord image)
    {
        World = World with { Images = World.Images.SetItem(image.Id, image) };
        if (journal)
        {
            _images[image.Id] = image;
        }
    }

    public void RemoveImage(ImageId id)
    {
        World = World with { Images = World.Images.Remove(id) };
        if (journal)
        {
            _images[id] = null;
        }
    }

    /// <summary>Builds the changes a state store commits: the journal plus the graph's new and deleted nodes.</summary>
    public StateChanges ToStateChanges()
    {
        var upserts = new List<StateDocument>();
        var deletes = new List<(string Kind, string Key)>();
        void Journal<TId, TRecord>(Dictionary<TId, TRecord?> changed, string kind, Func<TId, string> key, Func<TRecord, StateDocument> encode)
            where TId : notnull
            where TRecord : class
        {
            foreach (var (id, record) in changed)
            {
                if (record is null)
                {
                    deletes.Add((kind, key(id)));
                }
                else
                {
                    upserts.Add(encode(record));
                }
            }
        }

        Journal(_volumes, StateCodec.VolumeKind, id => id.Value, StateCodec.Encode);
        Journal(_snapshots, StateCodec.SnapshotKind, id => id.Value, StateCodec.Encode);
        Journal(_images, StateCodec.ImageKind, id => id.Value, StateCodec.Encode);
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
