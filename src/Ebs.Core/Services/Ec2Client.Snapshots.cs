using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Ebs.Core.BlockMaps;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Creates a point-in-time snapshot of a volume. Its contents are fixed when this returns
    /// (later writes are not in it); it is <see cref="SnapshotState.Pending"/> while the blocks
    /// changed since the newest surviving snapshot of the volume (or, failing that, the snapshot
    /// the volume was created from; failing both, every used block) are copied, for
    /// <see cref="EbsOptions.SnapshotSetupTime"/> plus their bytes over
    /// <see cref="EbsOptions.SnapshotThroughputBytesPerSecond"/>, then completed. As in AWS, the
    /// snapshots of one volume copy one after another, at most
    /// <see cref="MaxPendingSnapshotsPerVolume"/> may be pending, and one deleted while pending
    /// still counts until it would have completed.
    /// </summary>
    /// <param name="volumeId">The volume.</param>
    /// <param name="description">A description, up to 255 characters.</param>
    /// <param name="tags">Tags to put on the snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="EbsException">
    /// <c>InvalidVolume.NotFound</c>; <c>InvalidParameterValue</c> for a long description or bad tags;
    /// <c>ConcurrentSnapshotLimitExceeded</c> when <see cref="MaxPendingSnapshotsPerVolume"/> snapshots of the volume are pending.
    /// </exception>
    public ValueTask<Snapshot> CreateSnapshotAsync(VolumeId volumeId, string? description = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        description ??= string.Empty;
        CheckDescription(description);

        var tagSet = TagRules.Merge(ImmutableSortedDictionary<string, string>.Empty, tags);
        return _engine.CommitAsync(nameof(CreateSnapshotAsync), m =>
        {
            var volume = FindVolume(m.World, volumeId);
            if (SnapshotQueue.PendingAt(volume.SnapshotCompletions, m.Now) >= MaxPendingSnapshotsPerVolume)
            {
                throw new EbsException(EbsErrorCodes.ConcurrentSnapshotLimitExceeded, $"Volume {volumeId} already has {MaxPendingSnapshotsPerVolume} pending snapshots.", volumeId.Value);
            }

            var predecessor = SnapshotLineage.Predecessor(m.World, volume);
            var changed = predecessor is null ? (long?)null : SnapshotLineage.ChangedBlocks(_engine.Map, m.Refs, predecessor.Root, volume);
            var root = Freeze(m.Refs, volume);
            m.Refs.AddRef(root);
            var blockCount = BlockMap.BlockCount(m.Refs, root);
            var copied = changed ?? blockCount;
            var (copyStartsAt, completesAt, queue) = SnapshotQueue.Enqueue(volume.SnapshotCompletions, m.Now, CopyTime(copied));
            var record = new SnapshotRecord
            {
                Id = _engine.Ids.Next<SnapshotId>(m.World.Snapshots.ContainsKey),
                OwnerId = AccountId,
                Region = Region,
                VolumeId = volumeId,
                VolumeSizeGiB = volume.View.SizeGiB,
                Description = description,
                StartTime = m.Now,
                CopyStartsAt = copyStartsAt,
                CompletesAt = completesAt,
                Root = root,
                BlockCount = blockCount,
                ChangedBlockCount = copied,
                Tags = tagSet,
                DiskImageSizeInBytes = volume.View.DiskImageSizeInBytes,
            };
            m.SetBlocks(volumeId, volume.Dirty.Keys.Select(block => (block, (Chunks.ChunkId?)null)));
            m.SetVolume(volume with { BaseRoot = root, Dirty = ImmutableSortedDictionary<long, Chunks.ChunkId>.Empty, SnapshotCompletions = queue });
            m.SetSnapshot(record);
            return record.ViewAt(m.Now, _engine.BlockSize);
        }, null, cancellationToken);
    }

    /// <summary>Describes one snapshot.</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The snapshot as it is now.</returns>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>.</exception>
    public ValueTask<Snapshot> DescribeSnapshotAsync(SnapshotId snapshotId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(FindSnapshot(_engine.World, snapshotId).ViewAt(_engine.Time.GetUtcNow(), _engine.BlockSize));
    }

    /// <summary>Describes the caller's snapshots in this Region.</summary>
    /// <param name="request">Ids, owners and filters, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching snapshots, oldest first.</returns>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c> for a listed id that does not exist; <c>InvalidParameterValue</c> for an unknown filter;
    /// <c>InvalidUserID.Malformed</c> for an owner that is neither an account id nor <c>self</c> or <c>amazon</c>.
    /// </exception>
    public ValueTask<IReadOnlyList<Snapshot>> DescribeSnapshotsAsync(DescribeSnapshotsRequest? request = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var world = _engine.World;
        var now = _engine.Time.GetUtcNow();
        Filter.Validate(request?.Filters, name => SnapshotFilterValues(name, null));
        var owners = ResolveOwners(request?.OwnerIds, SnapshotOwnerAliases);
        var ids = request?.SnapshotIds ?? [];
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindSnapshot(world, id))
            : world.Snapshots.Values.Where(s => s.OwnerId == AccountId && s.Region == Region);
        IReadOnlyList<Snapshot> result = [.. candidates
            .Where(s => owners.Count == 0 || owners.Contains(s.OwnerId))
            .Select(s => s.ViewAt(now, _engine.BlockSize))
            .Where(s => Filter.MatchesAll(request?.Filters, name => SnapshotFilterValues(name, s)))
            .OrderBy(s => s.StartTime)
            .ThenBy(s => s.Id.Value, StringComparer.Ordinal)];
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Deletes a snapshot. Blocks it shares with other snapshots or volumes stay; blocks only
    /// it held are freed. No other snapshot changes.
    /// </summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A task that completes when the snapshot is deleted.</returns>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>InvalidSnapshot.InUse</c> while a registered image uses it.</exception>
    public async ValueTask DeleteSnapshotAsync(SnapshotId snapshotId, CancellationToken cancellationToken = default)
    {
        await _engine.CommitAsync(nameof(DeleteSnapshotAsync), m =>
        {
            var snapshot = FindSnapshot(m.World, snapshotId);
            if (ImagesUsing(m.World, snapshotId).FirstOrDefault() is { } image)
            {
                throw new EbsException(EbsErrorCodes.InvalidSnapshotInUse, $"The snapshot {snapshotId} is currently in use by {image.Id}.", snapshotId.Value);
            }

            m.Refs.Release(snapshot.Root);
            m.RemoveSnapshot(snapshotId);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Measures a snapshot's storage: its full size, what it copied, and what deleting it would free.</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The figures, in bytes.</returns>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>.</exception>
    public ValueTask<SnapshotStorage> GetSnapshotStorageAsync(SnapshotId snapshotId, CancellationToken cancellationToken = default)
    {
        FindSnapshot(_engine.World, snapshotId);
        return _engine.ExclusiveAsync(() =>
        {
            var snapshot = FindSnapshot(_engine.World, snapshotId);
            var blockSize = _engine.BlockSize;
            var exclusive = StorageAccounting.ExclusiveChunks(_engine.Graph, snapshot.Root);
            return ValueTask.FromResult(new SnapshotStorage(snapshot.BlockCount * blockSize, snapshot.ChangedBlockCount * blockSize, exclusive * blockSize));
        }, cancellationToken);
    }

    /// <summary>
    /// Measures the caller's snapshot storage in this Region: the distinct chunk bytes its
    /// snapshots hold (what the standard tier bills), next to the sum of their full sizes.
    /// </summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The figures.</returns>
    public ValueTask<StorageUsage> GetStorageUsageAsync(CancellationToken cancellationToken = default)
        => _engine.ExclusiveAsync(() =>
        {
            var snapshots = _engine.World.Snapshots.Values.Where(s => s.OwnerId == AccountId && s.Region == Region).ToList();
            var distinct = StorageAccounting.DistinctChunks(_engine.Graph, snapshots.Select(s => s.Root));
            var blockSize = _engine.BlockSize;
            return ValueTask.FromResult(new StorageUsage(snapshots.Count, distinct * blockSize, snapshots.Sum(s => s.BlockCount) * blockSize));
        }, cancellationToken);

    private NodeId? Freeze(GraphTransaction refs, VolumeRecord volume)
    {
        var count = volume.Dirty.Count;
        var changes = ArrayPool<BlockChange>.Shared.Rent(count);
        try
        {
            var i = 0;
            foreach (var (block, chunk) in volume.Dirty)
            {
                changes[i++] = new BlockChange(block, chunk);
            }

            var root = _engine.Map.Apply(refs, volume.BaseRoot, changes.AsSpan(0, count));

            // The volume keeps its base map: take the new one before giving up the old, so
            // shared subtrees never drop to zero, then drop the write-back references that the
            // new leaves now hold.
            refs.AddRef(root);
            refs.Release(volume.BaseRoot);
            foreach (var chunk in volume.Dirty.Values)
            {
                refs.Release(chunk);
            }

            return root;
        }
        finally
        {
            ArrayPool<BlockChange>.Shared.Return(changes);
        }
    }

    private TimeSpan CopyTime(long changedBlocks)
        => _engine.Options.SnapshotSetupTime + TimeSpan.FromSeconds((double)changedBlocks * _engine.BlockSize / _engine.Options.SnapshotThroughputBytesPerSecond);

    private static IEnumerable<string>? SnapshotFilterValues(string name, Snapshot? s) => name switch
    {
        "snapshot-id" => s is null ? [] : [s.Id.Value],
        "volume-id" => s is null ? [] : [s.VolumeId.Value],
        "status" => s is null ? [] : [StateNames.Of(s.State)],
        "owner-id" => s is null ? [] : [s.OwnerId],
        "description" => s is null ? [] : [s.Description],
        "volume-size" => s is null ? [] : [s.VolumeSizeGiB.ToString(CultureInfo.InvariantCulture)],
        _ => Filter.TagValues(name, s?.Tags ?? ImmutableSortedDictionary<string, string>.Empty),
    };
}
