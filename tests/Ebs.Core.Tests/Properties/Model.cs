using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// The obvious model: each live volume and snapshot is a dictionary of block -> bytes; a deleted
/// snapshot a Recycle Bin rule retains keeps its bytes until its exit instant; a snapshot's
/// archive tier and Fast Snapshot Restore (in the one zone the driver uses) follow AWS's rules.
/// </summary>
public sealed class Model
{
    public Dictionary<VolumeId, Dictionary<long, byte[]>> Volumes { get; } = [];

    /// <summary>Gets the live snapshots (those EC2's calls see).</summary>
    public Dictionary<SnapshotId, Dictionary<long, byte[]>> Snapshots { get; } = [];

    /// <summary>Gets the snapshots in the Recycle Bin: their bytes and the instant they are deleted for good.</summary>
    public Dictionary<SnapshotId, (Dictionary<long, byte[]> Blocks, DateTimeOffset ExitTime)> Binned { get; } = [];

    /// <summary>Gets the archive tier of each live or binned snapshot ever archived.</summary>
    public Dictionary<SnapshotId, ModelTier> Tiers { get; } = [];

    /// <summary>Gets the snapshots with Fast Snapshot Restore enabled (enabling, optimizing or enabled).</summary>
    public HashSet<SnapshotId> FastRestores { get; } = [];

    /// <summary>Gets the snapshots whose Fast Snapshot Restore is disabling, and until when.</summary>
    public Dictionary<SnapshotId, DateTimeOffset> FastRestoresDisabling { get; } = [];

    /// <summary>Gets or sets the retention of the Region-level snapshot rule, if there is one.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Gets each registered image's one snapshot.</summary>
    public Dictionary<ImageId, SnapshotId> Images { get; } = [];

    /// <summary>Gets the snapshots shared with <see cref="ModelDriver.Recipient"/> (kept while binned, dropped by archiving).</summary>
    public HashSet<SnapshotId> Shared { get; } = [];

    /// <summary>Gets the recipient's copies of shared snapshots, with their blocks.</summary>
    public Dictionary<SnapshotId, Dictionary<long, byte[]>> RecipientCopies { get; } = [];

    public Dictionary<InstanceId, ModelInstance> Instances { get; } = [];

    /// <summary>Gets the attachments, by volume: a volume has at most one.</summary>
    public Dictionary<VolumeId, ModelAttachment> Attachments { get; } = [];

    /// <summary>Gets each volume's Availability Zone.</summary>
    public Dictionary<VolumeId, string> Zones { get; } = [];

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
        Zones.Remove(volume);
        Attachments.Remove(volume);
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
        if (_lineages[volume].LastOrDefault(s => Stored(s) is not null) is not { Value: not null } predecessor)
        {
            return (blocks.Count, blocks.Count);
        }

        var before = Stored(predecessor)!;
        var changed = blocks.Keys.Union(before.Keys).Where(b => blocks.ContainsKey(b) != before.ContainsKey(b) || !Read(blocks, b).AsSpan().SequenceEqual(Read(before, b))).ToHashSet();
        return (changed.Count, changed.Union(_written[volume]).Count());
    }

    /// <summary>The bytes of a live or binned snapshot (both still hold their blocks), or <see langword="null"/>.</summary>
    public Dictionary<long, byte[]>? Stored(SnapshotId snapshot)
        => Snapshots.GetValueOrDefault(snapshot) ?? (Binned.TryGetValue(snapshot, out var binned) ? binned.Blocks : null);

    /// <summary>The snapshot's tier at <paramref name="now"/>; <see langword="null"/>: never archived.</summary>
    public ModelTier? TierAt(SnapshotId snapshot, DateTimeOffset now) => Tiers.GetValueOrDefault(snapshot)?.At(now);

    /// <summary>Deletes a live snapshot: into the bin under a rule (its Fast Snapshot Restore disabled), or for good.</summary>
    public void DeleteSnapshot(SnapshotId snapshot, DateTimeOffset now)
    {
        var blocks = Snapshots[snapshot];
        Snapshots.Remove(snapshot);
        if (RetentionDays is { } days)
        {
            Binned[snapshot] = (blocks, now.AddDays(days));
            DisableFastRestore(snapshot, now);
        }
        else
        {
            Tiers.Remove(snapshot);
        }
    }

    public void RestoreFromBin(SnapshotId snapshot)
    {
        Snapshots[snapshot] = Binned[snapshot].Blocks;
        Binned.Remove(snapshot);
    }

    public void DisableFastRestore(SnapshotId snapshot, DateTimeOffset now)
    {
        if (FastRestores.Remove(snapshot))
        {
            FastRestoresDisabling[snapshot] = now + FastSnapshotRestoreRecord.TransitionTime;
        }
    }

    /// <summary>Moves the model to <paramref name="now"/>: bin exits, tier completions, FSR disablings.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        foreach (var (id, _) in Binned.Where(p => p.Value.ExitTime <= now).ToList())
        {
            Binned.Remove(id);
            Tiers.Remove(id);
        }

        foreach (var (id, tier) in Tiers.ToList())
        {
            Tiers[id] = tier.At(now);
        }

        // Detachments complete at their instant; a termination deletes the volumes attached with DeleteOnTermination
        // and detaches the others, but leaves a detaching one to its own detachment.
        foreach (var (volume, _) in Attachments.Where(p => p.Value.DetachesAt <= now).ToList())
        {
            Attachments.Remove(volume);
        }

        foreach (var (volume, attachment) in Attachments.Where(p => p.Value.DetachesAt is null && Instances[p.Value.Instance] is { Heading: InstanceStateName.Terminated } i && i.SettlesAt <= now).ToList())
        {
            if (attachment.DeleteOnTermination)
            {
                RemoveVolume(volume);
            }
            else
            {
                Attachments.Remove(volume);
            }
        }

        // A terminated instance is described for an hour after it terminated, then gone.
        foreach (var (id, _) in Instances.Where(p => p.Value is { Heading: InstanceStateName.Terminated } i && i.SettlesAt + Ebs.Core.Services.Instances.VisibleAfterTermination <= now).ToList())
        {
            Instances.Remove(id);
        }

        foreach (var (id, _) in FastRestoresDisabling.Where(p => p.Value <= now).ToList())
        {
            FastRestoresDisabling.Remove(id);
        }
    }

    /// <summary>The next instant after <paramref name="now"/> at which an instance or an attachment settles (reaches the state it heads for), if any.</summary>
    public DateTimeOffset? NextSettling(DateTimeOffset now)
        => Instances.Values.Select(i => i.SettlesAt)
            .Concat(Attachments.Values.Select(a => a.DetachesAt ?? a.AttachedAt + VolumeAttachment.TransitionTime))
            .Where(at => at > now)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

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
