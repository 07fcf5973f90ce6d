using Ebs.Core.Domain;

namespace Ebs.Core.Testing;

/// <summary>
/// The obvious model of EBS's public semantics that a sequence runs on side by side with an
/// <see cref="EbsCloud"/>: each live volume and snapshot is a dictionary of block -> bytes; a deleted
/// snapshot a Recycle Bin rule retains keeps its bytes until its exit instant; a snapshot's
/// archive tier and Fast Snapshot Restore (in the one zone the driver uses) follow AWS's rules;
/// storage is the distinct block contents each account holds in the Region.
/// </summary>
/// <param name="blockSize">The cloud's block size in bytes.</param>
public sealed class ReferenceModel(int blockSize = TestCloud.BlockSize)
{
    /// <summary>Gets the block size in bytes.</summary>
    public int BlockSize { get; } = blockSize;

    /// <summary>Gets the live volumes of the owner, <see cref="TestCloud.Account"/>: block -> bytes.</summary>
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

    /// <summary>Gets the owner's copies in <see cref="ModelDriver.DisasterRecoveryRegion"/>, with their blocks.</summary>
    public Dictionary<SnapshotId, Dictionary<long, byte[]>> RegionCopies { get; } = [];

    /// <summary>Gets the instances: the state each heads for and when it gets there.</summary>
    public Dictionary<InstanceId, ModelInstance> Instances { get; } = [];

    /// <summary>Gets the attachments, by volume: a volume has at most one.</summary>
    public Dictionary<VolumeId, ModelAttachment> Attachments { get; } = [];

    /// <summary>Gets each volume's Availability Zone.</summary>
    public Dictionary<VolumeId, string> Zones { get; } = [];

    // Per volume: its source snapshot (if any), then its own snapshots, oldest first.
    private readonly Dictionary<VolumeId, List<SnapshotId>> _lineages = [];

    // Per volume: the blocks written since its last snapshot.
    private readonly Dictionary<VolumeId, HashSet<long>> _written = [];

    // The blocks each volume's base holds (its last snapshot, or the snapshot it was made from):
    // zeros written where the base holds nothing leave a hole, as the engine keeps them.
    private readonly Dictionary<VolumeId, HashSet<long>> _bases = [];

    /// <summary>Adds a volume with its blocks; <paramref name="source"/> is the snapshot it was created from, if any.</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="blocks">Its blocks (taken, not copied).</param>
    /// <param name="source">The snapshot it was created from.</param>
    public void AddVolume(VolumeId volume, Dictionary<long, byte[]> blocks, SnapshotId? source)
    {
        Volumes[volume] = blocks;
        _lineages[volume] = source is { } id ? [id] : [];
        _written[volume] = [];
        _bases[volume] = [.. blocks.Keys];
    }

    /// <summary>Removes a volume, its zone and its attachment.</summary>
    /// <param name="volume">The volume.</param>
    public void RemoveVolume(VolumeId volume)
    {
        Volumes.Remove(volume);
        Zones.Remove(volume);
        Attachments.Remove(volume);
        _lineages.Remove(volume);
        _written.Remove(volume);
        _bases.Remove(volume);
    }

    /// <summary>Writes bytes to a volume at a byte offset.</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="offset">The byte offset.</param>
    /// <param name="data">The bytes.</param>
    public void WriteVolume(VolumeId volume, long offset, byte[] data)
    {
        var blocks = Volumes[volume];
        Write(blocks, offset, data);
        var touched = Enumerable.Range(0, data.Length).Select(i => (offset + i) / BlockSize).Distinct().ToList();
        _written.GetValueOrDefault(volume)?.UnionWith(touched);
        foreach (var block in touched)
        {
            if (!blocks[block].AsSpan().ContainsAnyExcept((byte)0) && !(_bases.GetValueOrDefault(volume)?.Contains(block) ?? false))
            {
                blocks.Remove(block);
            }
        }
    }

    /// <summary>Adds a snapshot of a volume's bytes as they are now.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="volume">The volume.</param>
    public void AddSnapshot(SnapshotId snapshot, VolumeId volume)
    {
        Snapshots[snapshot] = Copy(Volumes[volume]);
        _lineages.GetValueOrDefault(volume)?.Add(snapshot);
        _written.GetValueOrDefault(volume)?.Clear();
        if (_bases.TryGetValue(volume, out var based))
        {
            based.Clear();
            based.UnionWith(Volumes[volume].Keys);
        }
    }

    /// <summary>
    /// The blocks a snapshot of <paramref name="volume"/> taken now may copy: at least those whose
    /// bytes differ from its newest surviving predecessor's (every block without one), at most
    /// those plus the blocks written since its last snapshot (a write of the bytes already there
    /// may or may not count as a change). Only volumes added through <see cref="AddVolume"/> have
    /// a lineage to judge by.
    /// </summary>
    /// <param name="volume">The volume.</param>
    /// <returns>The least and most number of blocks.</returns>
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
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>Its blocks.</returns>
    public Dictionary<long, byte[]>? Stored(SnapshotId snapshot)
        => Snapshots.GetValueOrDefault(snapshot) ?? (Binned.TryGetValue(snapshot, out var binned) ? binned.Blocks : null);

    /// <summary>The snapshot's tier at <paramref name="now"/>; <see langword="null"/>: never archived.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The tier.</returns>
    public ModelTier? TierAt(SnapshotId snapshot, DateTimeOffset now) => Tiers.GetValueOrDefault(snapshot)?.At(now);

    /// <summary>Deletes a live snapshot: into the bin under a rule (its Fast Snapshot Restore disabled), or for good.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="now">The instant of the deletion.</param>
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

    /// <summary>Restores a snapshot from the Recycle Bin: live again, with its bytes.</summary>
    /// <param name="snapshot">The snapshot.</param>
    public void RestoreFromBin(SnapshotId snapshot)
    {
        Snapshots[snapshot] = Binned[snapshot].Blocks;
        Binned.Remove(snapshot);
    }

    /// <summary>Disables Fast Snapshot Restore of a snapshot if enabled: disabling until the transition ends.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="now">The instant.</param>
    public void DisableFastRestore(SnapshotId snapshot, DateTimeOffset now)
    {
        if (FastRestores.Remove(snapshot))
        {
            FastRestoresDisabling[snapshot] = now + FastSnapshotRestoreRecord.TransitionTime;
        }
    }

    /// <summary>Moves the model to <paramref name="now"/>: bin exits, tier completions, FSR disablings.</summary>
    /// <param name="now">The instant.</param>
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
    /// <param name="now">The instant.</param>
    /// <returns>The next settling instant, or <see langword="null"/>.</returns>
    public DateTimeOffset? NextSettling(DateTimeOffset now)
        => Instances.Values.Select(i => i.SettlesAt)
            .Concat(Attachments.Values.Select(a => a.DetachesAt ?? a.AttachedAt + VolumeAttachment.TransitionTime))
            .Where(at => at > now)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

    /// <summary>
    /// Gets the distinct block contents each (account, Region) store's snapshots hold: the owner's live
    /// and binned snapshots and its copies in <see cref="ModelDriver.DisasterRecoveryRegion"/>, and the
    /// recipient's copies. Dedup is per account and Region, so this is what each store's snapshots must
    /// reference, neither more nor less.
    /// </summary>
    /// <returns>The number of distinct blocks by account id and Region.</returns>
    public IReadOnlyDictionary<(string Account, string Region), int> DistinctBlocksByStore()
    {
        static int Distinct(IEnumerable<Dictionary<long, byte[]>> maps)
            => maps.SelectMany(m => m.Values).Select(Convert.ToBase64String).Distinct(StringComparer.Ordinal).Count();
        return new Dictionary<(string Account, string Region), int>
        {
            [(TestCloud.Account, TestCloud.Region)] = Distinct(Snapshots.Values.Concat(Binned.Values.Select(b => b.Blocks))),
            [(TestCloud.Account, ModelDriver.DisasterRecoveryRegion)] = Distinct(RegionCopies.Values),
            [(ModelDriver.Recipient, TestCloud.Region)] = Distinct(RecipientCopies.Values),
        };
    }

    /// <summary>Copies a block map (its arrays too).</summary>
    /// <param name="blocks">The blocks.</param>
    /// <returns>The copy.</returns>
    public static Dictionary<long, byte[]> Copy(Dictionary<long, byte[]> blocks) => blocks.ToDictionary(p => p.Key, p => p.Value.ToArray());

    /// <summary>Writes bytes into a block map at a byte offset, zero-filling the rest of each new block.</summary>
    /// <param name="blocks">The blocks.</param>
    /// <param name="offset">The byte offset.</param>
    /// <param name="data">The bytes.</param>
    public void Write(Dictionary<long, byte[]> blocks, long offset, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(data);
        var size = BlockSize;
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

    /// <summary>Reads one block of a block map: its bytes, or zeros when never written.</summary>
    /// <param name="blocks">The blocks.</param>
    /// <param name="block">The block index.</param>
    /// <returns>The block's bytes.</returns>
    public byte[] Read(Dictionary<long, byte[]> blocks, long block)
        => blocks?.TryGetValue(block, out var bytes) == true ? bytes : new byte[BlockSize];
}
