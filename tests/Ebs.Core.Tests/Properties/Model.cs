using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Properties;

/// <summary>The obvious model: each live volume and snapshot is a dictionary of block -> bytes.</summary>
public sealed class Model
{
    public Dictionary<VolumeId, Dictionary<long, byte[]>> Volumes { get; } = [];

    public Dictionary<SnapshotId, Dictionary<long, byte[]>> Snapshots { get; } = [];

    // Per volume: its source snapshot (if any), then its own snapshots, oldest first.
    private readonly Dictionary<VolumeId, List<SnapshotId>> _lineages = [];

    // Per volume: the blocks written since its last snapshot.
    private readonly Dictionary<VolumeId, HashSet<long>> _written = [];

    public void AddVolume(VolumeId volume, Dictionary<long, byte[]> blocks, SnapshotId? source)
    {
        Volumes[volume] = blocks;
        _lineages[volume] = source is { } id ? [id] : [];
        _written[volume] = [];
    }

    public void RemoveVolume(VolumeId volume)
    {
        Volumes.Remove(volume);
        _lineages.Remove(volume);
        _written.Remove(volume);
    }

    public void WriteVolume(VolumeId volume, long offset, byte[] data)
    {
        Write(Volumes[volume], offset, data);
        _written.GetValueOrDefault(volume)?.UnionWith(Enumerable.Range(0, data.Length).Select(i => (offset + i) / TestCloud.BlockSize));
    }

    public void AddSnapshot(SnapshotId snapshot, VolumeId volume)
    {
        Snapshots[snapshot] = Copy(Volumes[volume]);
        _lineages.GetValueOrDefault(volume)?.Add(snapshot);
        _written.GetValueOrDefault(volume)?.Clear();
    }

    /// <summary>
    /// The blocks a snapshot of <paramref name="volume"/> taken now may copy: at least those whose
    /// bytes differ from its newest surviving predecessor's (every block without one), at most
    /// those plus the blocks written since its last snapshot (a write of the bytes already there
    /// may or may not count as a change). Only volumes added through <see cref="AddVolume"/> have
    /// a lineage to judge by.
    /// </summary>
    public (int Least, int Most) IncrementalBlocks(VolumeId volume)
    {
        var blocks = Volumes[volume];
        if (_lineages[volume].LastOrDefault(Snapshots.ContainsKey) is not { Value: not null } predecessor)
        {
            return (blocks.Count, blocks.Count);
        }

        var before = Snapshots[predecessor];
        var changed = blocks.Keys.Union(before.Keys).Where(b => blocks.ContainsKey(b) != before.ContainsKey(b) || !Read(blocks, b).AsSpan().SequenceEqual(Read(before, b))).ToHashSet();
        return (changed.Count, changed.Union(_written[volume]).Count());
    }

    public static Dictionary<long, byte[]> Copy(Dictionary<long, byte[]> blocks) => blocks.ToDictionary(p => p.Key, p => p.Value.ToArray());

    public static void Write(Dictionary<long, byte[]> blocks, long offset, byte[] data)
    {
        var size = TestCloud.BlockSize;
        for (var i = 0; i < data.Length; i++)
        {
            var position = offset + i;
            var block = position / size;
            if (!blocks.TryGetValue(block, out var bytes))
            {
                blocks[block] = bytes = new byte[size];
            }

            bytes[position % size] = data[i];
        }
    }

    public static byte[] Read(Dictionary<long, byte[]> blocks, long block)
        => blocks.TryGetValue(block, out var bytes) ? bytes : new byte[TestCloud.BlockSize];
}
