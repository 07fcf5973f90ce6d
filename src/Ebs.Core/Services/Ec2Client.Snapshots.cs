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
    /// <param name="request">The volume, description and tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>; <c>InvalidParameterValue</c> for a long description or bad tags;
    /// <c>ConcurrentSnapshotLimitExceeded</c> when <see cref="MaxPendingSnapshotsPerVolume"/> snapshots of the volume are pending.
    /// </exception>
    public async ValueTask<CreateSnapshotResponse> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var volumeId = request.VolumeId;
        var description = request.Description ?? string.Empty;
        CheckDescription(description);

        var tagSet = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Snapshot);
        var hook = _engine.QuiesceHooks.Find(volumeId.Value);
        var consistency = hook is null ? SnapshotConsistency.CrashConsistent : SnapshotConsistency.ApplicationConsistent;
        if (hook is not null)
        {
            // Refuse what the capture would refuse before the hook quiesces anything.
            FindVolume(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), volumeId);
        }

        return new CreateSnapshotResponse { Snapshot = await QuiesceHooks.AroundAsync(hook, volumeId.Value, () => _engine.CommitAsync(nameof(CreateSnapshotAsync), m =>
        {
            var record = TakeSnapshot(m, FindVolume(m.World, volumeId), description, tagSet, consistency);
            return record.ViewAt(m.Now, _engine.BlockSize);
        }, null, cancellationToken), cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// Captures <paramref name="volume"/> as a new snapshot within <paramref name="m"/>: the
    /// point-in-time freeze, the copy queued behind the volume's pending snapshots, the record.
    /// </summary>
    /// <exception cref="EbsException"><c>ConcurrentSnapshotLimitExceeded</c> when <see cref="MaxPendingSnapshotsPerVolume"/> snapshots of the volume are pending.</exception>
    internal SnapshotRecord TakeSnapshot(Mutation m, VolumeRecord volume, string description, ImmutableSortedDictionary<string, string> tags, SnapshotConsistency consistency)
    {
        var volumeId = volume.Id;
        if (SnapshotQueue.PendingAt(volume.SnapshotCompletions, m.Now) >= MaxPendingSnapshotsPerVolume)
        {
            throw new EbsException(EbsErrorCodes.ConcurrentSnapshotLimitExceeded, $"Volume {volumeId} already has {MaxPendingSnapshotsPerVolume} pending snapshots.", volumeId.Value);
        }

        var predecessor = SnapshotLineage.Predecessor(m.World, m.SnapshotsOfVolume(volume.Id), volume);
        var changed = predecessor is null ? (long?)null : SnapshotLineage.ChangedBlocks(_engine.Map, m.Refs, predecessor.Root, volume);
        var id = _engine.Ids.Next<SnapshotId>(m.World.Snapshots.ContainsKey);
        var root = Freeze(m.Refs, volume, WriteGeneration.Of(id.Value));
        m.Refs.AddRef(root);
        var blockCount = BlockMap.BlockCount(m.Refs, root);
        var copied = changed ?? blockCount;
        var (copyStartsAt, completesAt, queue) = SnapshotQueue.Enqueue(volume.SnapshotCompletions, m.Now, CopyTime(copied));
        var record = new SnapshotRecord
        {
            Id = id,
            OwnerId = AccountId,
            Region = Region,
            VolumeId = volumeId,
            VolumeSizeGiB = volume.View.Size,
            Description = description,
            StartTime = m.Now,
            CopyStartsAt = copyStartsAt,
            CompletesAt = completesAt,
            Root = root,
            BlockCount = blockCount,
            ChangedBlockCount = copied,
            Tags = tags,
            DiskImageSizeInBytes = volume.View.DiskImageSizeInBytes,
            SourceSnapshotId = volume.View.SnapshotId,
            Consistency = consistency,

            // Snapshots of an encrypted volume are encrypted with its key: they share its sealed chunks.
            KmsKeyId = volume.View.KmsKeyId,
        };
        m.SetBlocks(volumeId, volume.Dirty.Keys.Select(block => (block, (Chunks.ChunkId?)null)));
        m.SetVolume(volume with { BaseRoot = root, Dirty = ImmutableSortedDictionary<long, Chunks.ChunkId>.Empty, SnapshotCompletions = queue });
        m.SetSnapshot(record);
        return record;
    }

    /// <summary>
    /// Describes the snapshots the caller can see in this Region, one page at a time: its own, those shared
    /// with it, and public ones (see <see cref="DescribeSnapshotsRequest.RestorableByUserIds"/> and
    /// <see cref="DescribeSnapshotsRequest.OwnerIds"/> to narrow them).
    /// </summary>
    /// <param name="request">Ids, owners, restorable users, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching snapshots, oldest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c> for a listed id that does not exist or that the caller cannot see; <c>InvalidSnapshotID.Malformed</c>;
    /// <c>InvalidParameterValue</c> for an unknown filter or MaxResults below 5; <c>InvalidUserID.Malformed</c> for an
    /// owner that is neither an account id nor <c>self</c> or <c>amazon</c>, or a restorable user that is neither an account id
    /// nor <c>self</c> or <c>all</c>; <c>InvalidParameterCombination</c> for MaxResults or NextToken with SnapshotIds; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeSnapshotsResponse> DescribeSnapshotsAsync(DescribeSnapshotsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        Filter.Validate(request.Filters, name => SnapshotFilterValues(name, null));
        var owners = ResolveOwners(request.OwnerIds, SnapshotOwnerAliases);
        var restorableBy = ResolveOwners(request.RestorableByUserIds, PermissionAliases);
        var ids = request.SnapshotIds ?? [];
        Pagination.Validate(nameof(DescribeSnapshotsAsync), request.MaxResults, request.NextToken, ids.Count > 0, idsForbidPaging: true);
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindUsableSnapshot(world, id))
            : world.Snapshots.Values.Where(s => s.Region == Region && s.RecycleBin is null && IsVisible(world, s));
        var matching = candidates
            .Where(s => owners.Count == 0 || owners.Contains(s.OwnerId))
            .Where(s => restorableBy.Count == 0 || restorableBy.Any(user => IsRestorableBy(world, s, user)))
            .Select(s => s.ViewAt(now, _engine.BlockSize))
            .Where(s => Filter.MatchesAll(request.Filters, name => SnapshotFilterValues(name, s)))
            .Select(s => (Key: SnapshotSortKey(s), Snapshot: s))
            .OrderBy(s => s.Key, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(DescribeSnapshotsAsync), matching, s => s.Key, request.MaxResults, request.NextToken);
        return new DescribeSnapshotsResponse { Snapshots = ValueList<Snapshot>.From(page.Select(s => s.Snapshot)), NextToken = next };
    }

    /// <summary>
    /// Whether a snapshot the caller sees is restorable by <paramref name="user"/> as AWS's RestorableByUserIds reads it:
    /// <c>all</c>, a public one; the caller (<c>self</c>), one it owns or that is shared with it explicitly; another account,
    /// one the caller owns that is shared with that account explicitly.
    /// </summary>
    private bool IsRestorableBy(World world, SnapshotRecord snapshot, string user) => user == Sharing.AllGroup
        ? Sharing.IsPublic(world, snapshot)
        : user == AccountId
            ? Sharing.Of(world, snapshot, AccountId) is Access.Owner or Access.Shared
            : snapshot.OwnerId == AccountId && snapshot.CreateVolumePermissions.Contains(user);

    /// <summary>
    /// Deletes a snapshot. When a Recycle Bin retention rule of the caller retains it, it moves to
    /// the bin instead (see <see cref="RecycleBinClient"/>), holding its blocks until it is restored
    /// or its retention ends; its Fast Snapshot Restore is disabled. Otherwise blocks it shares with
    /// other snapshots or volumes stay; blocks only it held are freed. No other snapshot changes.
    /// An archived snapshot may be deleted; within 90 days of its archival the rest of them is billed.
    /// </summary>
    /// <param name="request">The snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response, once the snapshot is deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>InvalidSnapshot.InUse</c> while a registered image uses it (an image in the Recycle Bin is deregistered and does not);
    /// <c>InvalidParameterValue</c> for an AWS Backup recovery point's snapshot (BackupClient.DeleteRecoveryPointAsync deletes it).</exception>
    public async ValueTask<DeleteSnapshotResponse> DeleteSnapshotAsync(DeleteSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshotId = request.SnapshotId;
        await _engine.CommitAsync(nameof(DeleteSnapshotAsync), m =>
        {
            var snapshot = FindSnapshot(m.World, snapshotId);
            if (ImagesUsing(m.World, snapshotId).FirstOrDefault() is { } image)
            {
                throw new EbsException(EbsErrorCodes.InvalidSnapshotInUse, $"The snapshot {snapshotId} is currently in use by {image.Id}.", snapshotId.Value);
            }

            if (Backups.IsRecoveryPoint(m.World, snapshotId))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, Backups.ManagedSnapshotMessage, snapshotId.Value);
            }

            RecycleBin.Delete(_engine, m, snapshot);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteSnapshotResponse();
    }

    /// <summary>
    /// Measures a snapshot's storage (the library's own operation): its full size, what it copied,
    /// what it is billed for, and what deleting it would free, physically and in billed bytes.
    /// </summary>
    /// <param name="request">The snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The figures, in bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>.</exception>
    public ValueTask<GetSnapshotStorageResponse> GetSnapshotStorageAsync(GetSnapshotStorageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshotId = request.SnapshotId;
        FindSnapshot(_engine.World, snapshotId);
        return _engine.ExclusiveAsync(() =>
        {
            var snapshot = FindSnapshot(_engine.World, snapshotId);
            var blockSize = _engine.BlockSize;
            var exclusive = StorageAccounting.ExclusiveChunks(_engine.Graph, snapshot.Root);
            var billed = BilledSnapshots(_engine.World);
            var holds = snapshot.HoldsStandardStorage;
            return ValueTask.FromResult(new GetSnapshotStorageResponse
            {
                FullSnapshotSizeInBytes = snapshot.BlockCount * blockSize,
                IncrementalSizeInBytes = snapshot.ChangedBlockCount * blockSize,
                ExclusiveSizeInBytes = exclusive * blockSize,
                BilledSizeInBytes = holds ? BilledStorage.IncrementalBlocks(_engine.Map, _engine.Graph, billed, snapshot) * blockSize : 0,
                BilledExclusiveSizeInBytes = holds ? BilledStorage.FreedBlocks(_engine.Map, _engine.Graph, billed, snapshot) * blockSize : 0,
            });
        }, cancellationToken);
    }

    /// <summary>
    /// Measures the caller's snapshot storage in this Region (the library's own operation) in two
    /// figures: the distinct chunk bytes its snapshots hold (physical) and the standard-tier bytes
    /// AWS bills for them (shared only along a lineage), next to the sum of their full sizes.
    /// Snapshots in the Recycle Bin count: they hold their blocks and are billed at the normal rate.
    /// </summary>
    /// <param name="request">The parameters, of which there are none.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ValueTask<GetStorageUsageResponse> GetStorageUsageAsync(GetStorageUsageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _engine.ExclusiveAsync(() =>
        {
            var snapshots = _engine.World.Snapshots.Values.Where(s => s.OwnerId == AccountId && s.Region == Region).ToList();
            var distinct = StorageAccounting.DistinctChunks(_engine.Graph, snapshots.Select(s => s.Root));
            var billed = BilledSnapshots(_engine.World);
            var billedBlocks = billed.Sum(s => BilledStorage.IncrementalBlocks(_engine.Map, _engine.Graph, billed, s));
            var blockSize = _engine.BlockSize;
            return ValueTask.FromResult(new GetStorageUsageResponse
            {
                SnapshotCount = snapshots.Count,
                StoredSizeInBytes = distinct * blockSize,
                BilledSizeInBytes = billedBlocks * blockSize,
                FullSnapshotSizeInBytes = snapshots.Sum(s => s.BlockCount) * blockSize,
            });
        }, cancellationToken);
    }

    /// <summary>The caller's snapshots in this Region whose blocks are billed in the standard tier.</summary>
    private List<SnapshotRecord> BilledSnapshots(World world)
        => [.. world.Snapshots.Values.Where(s => s.HoldsStandardStorage && s.OwnerId == AccountId && s.Region == Region)];

    /// <summary>Freezes the volume's written-back blocks into a new map, as the writes of <paramref name="generation"/> (see <see cref="WriteGeneration"/>).</summary>
    private NodeId? Freeze(GraphTransaction refs, VolumeRecord volume, ulong generation)
    {
        var count = volume.Dirty.Count;
        var changes = ArrayPool<BlockChange>.Shared.Rent(count);
        try
        {
            var i = 0;
            foreach (var (block, chunk) in volume.Dirty)
            {
                changes[i++] = new BlockChange(block, chunk, generation);
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

    private TimeSpan CopyTime(long changedBlocks) => SnapshotCopyTime.Of(_engine.Options, changedBlocks);

    /// <summary>The order of DescribeSnapshots, oldest first, as text for the page token.</summary>
    private static string SnapshotSortKey(Snapshot s)
        => string.Create(CultureInfo.InvariantCulture, $"{s.StartTime.UtcTicks:D19}|{s.SnapshotId.Value}");

    private static IEnumerable<string>? SnapshotFilterValues(string name, Snapshot? s) => name switch
    {
        "snapshot-id" => s is null ? [] : [s.SnapshotId.Value],
        "volume-id" => s is null ? [] : [s.VolumeId.Value],
        "status" => s is null ? [] : [s.State.ToAwsString()],
        "owner-id" => s is null ? [] : [s.OwnerId],
        "description" => s is null ? [] : [s.Description],
        "volume-size" => s is null ? [] : [s.VolumeSize.ToString(CultureInfo.InvariantCulture)],
        "storage-tier" => s is null ? [] : [s.StorageTier.ToAwsString()],
        "encrypted" => s is null ? [] : [s.Encrypted ? "true" : "false"],
        _ => Filter.TagValues(name, s?.Tags ?? TagList.Empty),
    };
}
