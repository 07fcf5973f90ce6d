using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class EbsDirectClient
{
    /// <summary>The timeout of a started snapshot when StartSnapshot gives none, in minutes (AWS's default).</summary>
    public const int DefaultTimeoutMinutes = 60;

    /// <summary>The shortest timeout StartSnapshot accepts, in minutes (AWS's limit).</summary>
    public const int MinTimeoutMinutes = 10;

    /// <summary>The longest timeout StartSnapshot accepts, in minutes (AWS's limit, three days).</summary>
    public const int MaxTimeoutMinutes = 4320;

    /// <summary>
    /// The most snapshots an account may be writing at once in a Region. AWS has such a quota
    /// (<c>ConcurrentLimitExceededException</c>) without publishing a figure for it; 100 is the
    /// library's choice (UNCONFIRMED).
    /// </summary>
    public const int MaxSnapshotsBeingWritten = 100;

    /// <summary>The largest volume size, in GiB (64 TiB).</summary>
    private const long MaxVolumeSizeGiB = 65536;

    /// <summary>The longest description and client token AWS accepts.</summary>
    private const int MaxDescriptionLength = 255;

    /// <summary>The volume id of snapshots the EBS direct APIs start, as AWS gives them.</summary>
    private static readonly VolumeId NoVolume = VolumeId.Parse("vol-ffffffff");

    /// <summary>
    /// Starts a snapshot to write blocks into with PutSnapshotBlock: <c>pending</c>, with no
    /// volume, holding its parent's blocks when it has one (so only changed blocks need writing).
    /// It fails (<c>error</c>, its blocks given up) when neither a block is written nor it is
    /// completed within its timeout. A retry with the same client token and parameters returns the
    /// same snapshot.
    /// </summary>
    /// <param name="request">The size, parent, description, tags, client token and timeout.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The started snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_VOLUME_SIZE</c> for a size outside 1–65,536 GiB or below the parent's,
    /// <c>INVALID_PARAMETER_VALUE</c> for a timeout outside 10–4,320 minutes, a description or client token over 255 characters or an encrypted parent,
    /// <c>INVALID_TAG</c> for a bad tag, <c>INVALID_SNAPSHOT_ID</c> for a parent that is not completed or is archived;
    /// <c>ResourceNotFoundException</c> with <c>SNAPSHOT_NOT_FOUND</c> for a parent the caller cannot see;
    /// <c>ConflictException</c> for a client token reused with other parameters;
    /// <c>ConcurrentLimitExceededException</c> when <see cref="MaxSnapshotsBeingWritten"/> snapshots are being written.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<StartSnapshotResponse> StartSnapshotAsync(StartSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.VolumeSize is < 1 or > MaxVolumeSizeGiB)
        {
            throw Invalid(EbsErrorReasons.InvalidVolumeSize, $"VolumeSize must be 1 to {MaxVolumeSizeGiB} GiB; got {request.VolumeSize}.");
        }

        CheckWellFormed(request.ParentSnapshotId);
        var timeout = request.Timeout ?? DefaultTimeoutMinutes;
        if (timeout is < MinTimeoutMinutes or > MaxTimeoutMinutes)
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, $"Timeout must be {MinTimeoutMinutes} to {MaxTimeoutMinutes} minutes; got {timeout}.");
        }

        var description = request.Description ?? string.Empty;
        if (description.Length > MaxDescriptionLength || request.ClientToken is { Length: 0 or > MaxDescriptionLength })
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, $"Description and ClientToken must be at most {MaxDescriptionLength} characters (a client token at least 1).");
        }

        ImmutableSortedDictionary<string, string> tags;
        try
        {
            tags = TagRules.Merge(TagList.Empty.Items, request.Tags);
        }
        catch (EbsException e) when (e.ErrorCode is EbsErrorCodes.InvalidParameterValue or EbsErrorCodes.TagLimitExceeded)
        {
            throw Invalid(EbsErrorReasons.InvalidTag, e.Message);
        }

        return _engine.CommitAsync(nameof(StartSnapshotAsync), m =>
        {
            var mine = m.World.Snapshots.Values.Where(s => s.OwnerId == AccountId && s.Region == Region && s.Direct is not null);
            if (request.ClientToken is { } clientToken && mine.FirstOrDefault(s => s.Direct!.ClientToken == clientToken) is { } earlier)
            {
                return earlier.VolumeSizeGiB == request.VolumeSize
                    && earlier.Direct!.ParentSnapshotId == request.ParentSnapshotId
                    && earlier.Description == description
                    && earlier.Direct.TimeoutMinutes == timeout
                    && earlier.Tags.SequenceEqual(tags)
                    ? Started(earlier, m.Now)
                    : throw new EbsException(EbsErrorCodes.ConflictException, $"The client token '{clientToken}' was used with other parameters.", earlier.Id.Value);
            }

            var parent = request.ParentSnapshotId is { } parentId ? FindReadable(m.World, parentId, m.Now) : null;
            if (parent is not null && !parent.IsCompletedAt(m.Now))
            {
                throw Invalid(EbsErrorReasons.InvalidSnapshotId, $"The parent snapshot '{parent.Id}' is not completed.", parent.Id.Value);
            }

            if (parent is { KmsKeyId: not null })
            {
                // AWS continues an encrypted parent only with Encrypted and a KMS key, which StartSnapshot does not take here yet.
                throw Invalid(EbsErrorReasons.InvalidParameterValue, $"The parent snapshot '{parent.Id}' is encrypted: starting an encrypted snapshot is not supported yet.", parent.Id.Value);
            }

            if (parent is not null && request.VolumeSize < parent.VolumeSizeGiB)
            {
                throw Invalid(EbsErrorReasons.InvalidVolumeSize, $"VolumeSize must be at least the parent's {parent.VolumeSizeGiB} GiB.");
            }

            if (mine.Count(s => s.Direct!.Status == DirectWriteStatus.Writing) >= MaxSnapshotsBeingWritten)
            {
                throw new EbsException(EbsErrorCodes.ConcurrentLimitExceededException, $"The account is already writing {MaxSnapshotsBeingWritten} snapshots in {Region}.");
            }

            var id = _engine.Ids.Next<SnapshotId>(m.World.Snapshots.ContainsKey);
            var timesOutAt = m.Now + TimeSpan.FromMinutes(timeout);
            m.Refs.AddRef(parent?.Root);
            m.Schedule(timesOutAt, DirectSnapshots.TimeoutEffect, id.Value);
            var record = new SnapshotRecord
            {
                Id = id,
                OwnerId = AccountId,
                Region = Region,
                VolumeId = NoVolume,
                VolumeSizeGiB = (int)request.VolumeSize,
                Description = description,
                StartTime = m.Now,
                CopyStartsAt = m.Now,
                CompletesAt = timesOutAt,
                Root = parent?.Root,
                BlockCount = parent?.BlockCount ?? 0,
                ChangedBlockCount = 0,
                Tags = tags,

                // Incremental to its parent's lineage, as billed; a snapshot without a parent starts its own.
                LineageVolumeId = parent?.Lineage ?? VolumeId.Parse("vol-" + id.Value["snap-".Length..]),
                Direct = new DirectWrite
                {
                    Status = DirectWriteStatus.Writing,
                    ParentSnapshotId = parent?.Id,
                    ClientToken = request.ClientToken,
                    TimeoutMinutes = timeout,
                    TimesOutAt = timesOutAt,
                    Generation = WriteGeneration.Of(id.Value),
                },
            };
            m.SetSnapshot(record);
            return Started(record, m.Now);
        }, null, cancellationToken);
    }

    /// <summary>
    /// Writes one block of a started snapshot: exactly the block size, with its SHA-256. Blocks
    /// may come in any order and from many threads at once; a block written again replaces the
    /// earlier write. A block of zeros is stored and listed like any other (it is written, not a
    /// hole). Each write moves the snapshot's timeout forward.
    /// </summary>
    /// <param name="request">The snapshot, block index, data, length and checksum.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The checksum of the stored bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its data or its checksum is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_PARAMETER_VALUE</c> for a <c>DataLength</c> other than the block size, a negative
    /// index, a progress outside 0–100 or a checksum that is not a Base64 SHA-256; <c>INVALID_BLOCK</c> for data whose length or
    /// SHA-256 does not match, or an index beyond the volume; <c>INVALID_SNAPSHOT_ID</c> for a snapshot not being written by
    /// the EBS direct APIs (an EC2 snapshot, or one completed); <c>WRITE_REQUEST_TIMEOUT</c> for one that timed out;
    /// <c>ResourceNotFoundException</c>; <c>AccessDeniedException</c> for a snapshot of another account.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public async ValueTask<PutSnapshotBlockResponse> PutSnapshotBlockAsync(PutSnapshotBlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.BlockData);
        ArgumentNullException.ThrowIfNull(request.Checksum);
        CheckWellFormed(request.SnapshotId);
        var blockSize = _engine.BlockSize;
        if (request.DataLength != blockSize || request.BlockIndex < 0 || request.Progress is < 0 or > 100 || !Enum.IsDefined(request.ChecksumAlgorithm))
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, $"DataLength must be the block size, {blockSize}; BlockIndex at least 0; Progress 0 to 100; ChecksumAlgorithm SHA256.");
        }

        var expected = ParseChecksum(request.Checksum);
        var snapshotId = request.SnapshotId;
        var index = request.BlockIndex;

        // Refuse what the snapshot refuses before reading the body.
        Writable(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), snapshotId, index);

        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            var data = buffer.AsMemory(0, blockSize);
            var read = await request.BlockData.ReadAtLeastAsync(data, blockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < blockSize || await request.BlockData.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
            {
                throw Invalid(EbsErrorReasons.InvalidBlock, $"The block data is not {blockSize} bytes long, as DataLength says.", snapshotId.Value);
            }

            var checksum = SHA256.HashData(data.Span);
            if (!checksum.AsSpan().SequenceEqual(expected))
            {
                throw Invalid(EbsErrorReasons.InvalidBlock, "The block data does not match its checksum.", snapshotId.Value);
            }

            // Hash and store outside the writer lock, so that writers of many blocks overlap; the
            // commit stores the bytes again should a concurrent commit have freed them meanwhile.
            var (chunk, stored) = await ChunkWriter.StoreAsync(_engine.Chunks, _scope, data, _engine.Options.VerifyDedupHits, cancellationToken).ConfigureAwait(false);
            try
            {
                await _engine.CommitAsync(nameof(PutSnapshotBlockAsync), m =>
                {
                    var snapshot = Writable(m.World, snapshotId, index);
                    var direct = snapshot.Direct!;
                    var rewrite = _engine.Map.LookupEntry(m.Refs, snapshot.Root, index) is { } entry && entry.Generation == direct.Generation;
                    var root = _engine.Map.Apply(m.Refs, snapshot.Root, [new BlockChange(index, chunk, direct.Generation)]);
                    m.Refs.AddRef(root);
                    m.Refs.Release(snapshot.Root);
                    m.Unschedule(new DueEvent(direct.TimesOutAt, DirectSnapshots.TimeoutEffect, snapshotId.Value));
                    var timesOutAt = m.Now + TimeSpan.FromMinutes(direct.TimeoutMinutes);
                    m.Schedule(timesOutAt, DirectSnapshots.TimeoutEffect, snapshotId.Value);
                    m.SetSnapshot(snapshot with
                    {
                        Root = root,
                        BlockCount = BlockMap.BlockCount(m.Refs, root),
                        CompletesAt = timesOutAt,
                        Direct = direct with { TimesOutAt = timesOutAt, WrittenBlocks = direct.WrittenBlocks + (rewrite ? 0 : 1) },
                    });
                    return true;
                }, new Dictionary<ChunkId, ReadOnlyMemory<byte>> { [chunk] = data }, cancellationToken).ConfigureAwait(false);
            }
            catch when (stored)
            {
                await _engine.DiscardAsync([chunk]).ConfigureAwait(false);
                throw;
            }

            return new PutSnapshotBlockResponse { Checksum = Convert.ToBase64String(checksum), ChecksumAlgorithm = ChecksumAlgorithm.Sha256 };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Completes a started snapshot after checking the number of blocks written and, when given,
    /// their aggregate checksum (<see cref="ChecksumAggregationMethod.Linear"/>). The snapshot then
    /// stays <c>pending</c> while its written blocks are copied, as a snapshot EC2 takes, and
    /// completes on the clock; from then on EC2 can use it (CreateVolume, RegisterImage, CopySnapshot).
    /// Completing a snapshot that is already completed changes nothing.
    /// </summary>
    /// <param name="request">The snapshot, block count and optional checksum.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The snapshot's state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_PARAMETER_VALUE</c> for a block count or checksum that does not match what
    /// was written, a negative count, or a checksum without its algorithm and aggregation method; <c>INVALID_SNAPSHOT_ID</c> for
    /// a snapshot EC2 took; <c>WRITE_REQUEST_TIMEOUT</c> for one that timed out; <c>ResourceNotFoundException</c>;
    /// <c>AccessDeniedException</c> for a snapshot of another account; <c>InternalServerException</c> when a written block is not stored.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public async ValueTask<CompleteSnapshotResponse> CompleteSnapshotAsync(CompleteSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckWellFormed(request.SnapshotId);
        if (request.ChangedBlocksCount < 0
            || (request.Checksum is not null && (request.ChecksumAlgorithm is not ChecksumAlgorithm.Sha256 || request.ChecksumAggregationMethod is not ChecksumAggregationMethod.Linear)))
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, "ChangedBlocksCount must not be negative; a Checksum needs ChecksumAlgorithm SHA256 and ChecksumAggregationMethod LINEAR.");
        }

        var expected = request.Checksum is { } text ? ParseChecksum(text) : null;
        var snapshotId = request.SnapshotId;
        try
        {
            return await _engine.CommitAsync(nameof(CompleteSnapshotAsync), async m =>
            {
                var snapshot = Find(m.World, snapshotId, write: true);
                switch (snapshot.Direct?.Status)
                {
                    case null:
                        throw Invalid(EbsErrorReasons.InvalidSnapshotId, $"The snapshot '{snapshotId}' was not started by StartSnapshot.", snapshotId.Value);
                    case DirectWriteStatus.Failed:
                        throw Invalid(EbsErrorReasons.WriteRequestTimeout, $"The snapshot '{snapshotId}' timed out before it was completed.", snapshotId.Value);
                    case DirectWriteStatus.Completed:
                        return new CompleteSnapshotResponse { Status = snapshot.ViewAt(m.Now, _engine.BlockSize).State };
                }

                var direct = snapshot.Direct;
                if (request.ChangedBlocksCount != direct.WrittenBlocks)
                {
                    throw Invalid(EbsErrorReasons.InvalidParameterValue, $"ChangedBlocksCount is {request.ChangedBlocksCount}, but {direct.WrittenBlocks} blocks were written.", snapshotId.Value);
                }

                if (expected is not null && !(await LinearChecksumAsync(m, snapshot, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(expected))
                {
                    throw Invalid(EbsErrorReasons.InvalidParameterValue, "The checksum does not match the blocks written.", snapshotId.Value);
                }

                m.Unschedule(new DueEvent(direct.TimesOutAt, DirectSnapshots.TimeoutEffect, snapshotId.Value));
                var completed = snapshot with
                {
                    CopyStartsAt = m.Now,
                    CompletesAt = m.Now + SnapshotCopyTime.Of(_engine.Options, direct.WrittenBlocks),
                    ChangedBlockCount = direct.WrittenBlocks,
                    Direct = direct with { Status = DirectWriteStatus.Completed },
                };
                m.SetSnapshot(completed);
                return new CompleteSnapshotResponse { Status = completed.ViewAt(m.Now, _engine.BlockSize).State };
            }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
        {
            throw new EbsException(EbsErrorCodes.InternalServerException, e.Message, e.ResourceId);
        }
    }

    /// <summary>
    /// Computes AWS's LINEAR aggregate: the SHA-256 of the 32-byte SHA-256 digests of the blocks
    /// written to the snapshot, in ascending index order. Walks the snapshot's map and reads each
    /// written block once.
    /// </summary>
    private async ValueTask<byte[]> LinearChecksumAsync(Mutation m, SnapshotRecord snapshot, CancellationToken cancellationToken)
    {
        var generation = snapshot.Direct!.Generation;
        using var aggregate = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(_engine.BlockSize);
        try
        {
            var block = buffer.AsMemory(0, _engine.BlockSize);
            foreach (var (index, chunk) in _engine.Map.Enumerate(m.Refs, snapshot.Root))
            {
                if (_engine.Map.LookupEntry(m.Refs, snapshot.Root, index) is not { } entry || entry.Generation != generation)
                {
                    continue;
                }

                if (!await _engine.Chunks.TryReadAsync(chunk, block, cancellationToken).ConfigureAwait(false))
                {
                    throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {chunk} of snapshot {snapshot.Id} is not stored.", snapshot.Id.Value);
                }

                aggregate.AppendData(SHA256.HashData(block.Span));
            }

            return aggregate.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] ParseChecksum(string checksum)
    {
        var bytes = new byte[SHA256.HashSizeInBytes];
        return checksum.Length <= 64 && Convert.TryFromBase64String(checksum, bytes, out var written) && written == bytes.Length
            ? bytes
            : throw Invalid(EbsErrorReasons.InvalidParameterValue, "The checksum is not a Base64-encoded SHA-256.");
    }

    /// <summary>Finds a snapshot the caller is writing with the EBS direct APIs and checks the block index is inside its volume.</summary>
    private SnapshotRecord Writable(World world, SnapshotId id, long index)
    {
        var snapshot = Find(world, id, write: true);
        switch (snapshot.Direct?.Status)
        {
            case DirectWriteStatus.Writing:
                break;
            case DirectWriteStatus.Failed:
                throw Invalid(EbsErrorReasons.WriteRequestTimeout, $"The snapshot '{id}' timed out before it was completed.", id.Value);
            default:
                throw Invalid(EbsErrorReasons.InvalidSnapshotId, $"The snapshot '{id}' is not being written: only a snapshot started by StartSnapshot and not completed accepts blocks.", id.Value);
        }

        return index < BlocksOf(snapshot.VolumeSizeGiB)
            ? snapshot
            : throw Invalid(EbsErrorReasons.InvalidBlock, $"Block {index} is beyond the {snapshot.VolumeSizeGiB}-GiB volume.", id.Value);
    }

    private StartSnapshotResponse Started(SnapshotRecord snapshot, DateTimeOffset now) => new()
    {
        Description = snapshot.Description,
        SnapshotId = snapshot.Id,
        OwnerId = snapshot.OwnerId,
        Status = snapshot.ViewAt(now, _engine.BlockSize).State,
        StartTime = snapshot.StartTime,
        VolumeSize = snapshot.VolumeSizeGiB,
        BlockSize = _engine.BlockSize,
        Tags = TagList.Of(snapshot.Tags),
        ParentSnapshotId = snapshot.Direct?.ParentSnapshotId,
    };
}
