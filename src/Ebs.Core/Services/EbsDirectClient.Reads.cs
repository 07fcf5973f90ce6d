using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class EbsDirectClient
{
    /// <summary>
    /// Lists the written blocks of a snapshot, ascending by index, one page per call, each with
    /// the token GetSnapshotBlock takes. Unwritten blocks (which read as zeros) are not listed.
    /// </summary>
    /// <param name="request">The snapshot and the page.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>One page; <see cref="ListSnapshotBlocksResponse.NextToken"/> is set while more follow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_SNAPSHOT_ID</c> for a snapshot id without text, an archived snapshot or one
    /// started by StartSnapshot and not completed, <c>INVALID_PARAMETER_VALUE</c> for <c>MaxResults</c> outside 100–10,000 or a
    /// negative <c>StartingBlockIndex</c>, <c>INVALID_PAGE_TOKEN</c>; <c>ResourceNotFoundException</c> with
    /// <c>SNAPSHOT_NOT_FOUND</c>; <c>InternalServerException</c> when a block map is not stored.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<ListSnapshotBlocksResponse> ListSnapshotBlocksAsync(ListSnapshotBlocksRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxResults = request.MaxResults ?? MaxResultsLimit;
        CheckMaxResults(maxResults);
        CheckWellFormed(request.SnapshotId);
        var from = StartOf(request.NextToken, request.StartingBlockIndex);
        var snapshotId = request.SnapshotId;
        return ReadAsync(world =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _engine.Time.GetUtcNow();
            var snapshot = FindReadable(world, snapshotId, now);
            var expiry = now + BlockTokenLifetime;
            var blocks = ImmutableArray.CreateBuilder<Block>(Math.Min(maxResults, 1024));
            var tokens = BlockTokens.For(snapshotId, expiry);
            string? token = null;
            foreach (var (index, chunk) in _engine.Map.Enumerate(_engine.Graph, snapshot.Root, from))
            {
                if (blocks.Count == maxResults)
                {
                    token = MakeToken(index);
                    break;
                }

                blocks.Add(new Block { BlockIndex = index, BlockToken = tokens.Issue(index, chunk) });
            }

            return ValueTask.FromResult(new ListSnapshotBlocksResponse
            {
                Blocks = blocks.DrainToImmutable(),
                ExpiryTime = expiry,
                VolumeSize = snapshot.VolumeSizeGiB,
                BlockSize = _engine.BlockSize,
                NextToken = token,
            });
        });
    }

    /// <summary>
    /// Lists the blocks written between two snapshots of one volume lineage (or every written block
    /// of the second when there is no first), ascending by index, one page per call, with their
    /// tokens in each snapshot. As in AWS, a block written again with equal bytes counts as
    /// changed: the block maps record which write put each block there. A snapshot's map keeps
    /// in memory the blocks its edits changed since its predecessor's (<c>BlockMaps/EditLog</c>),
    /// so the blocks between two snapshots joined by such logs are read from them; otherwise (a
    /// store reopened, a snapshot between them deleted) both maps are walked, equal subtrees
    /// skipped. Either way the cost follows the number of changes, not the volume size.
    /// </summary>
    /// <param name="request">The snapshots and the page.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>One page; <see cref="ListChangedBlocksResponse.NextToken"/> is set while more follow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_SNAPSHOT_ID</c> for a snapshot id without text, an archived snapshot or one
    /// started by StartSnapshot and not completed, <c>UNRELATED_SNAPSHOTS</c> for two snapshots that share no volume lineage
    /// (neither's volume, copy source, source snapshot or parent chain meets the other's),
    /// <c>INVALID_PARAMETER_VALUE</c> for <c>MaxResults</c> outside 100–10,000 or a negative
    /// <c>StartingBlockIndex</c>, <c>INVALID_PAGE_TOKEN</c> for a <c>NextToken</c> not issued by this operation;
    /// <c>ResourceNotFoundException</c> with <c>SNAPSHOT_NOT_FOUND</c> for a snapshot the caller does not own in the Region;
    /// <c>InternalServerException</c> when a block map is not stored.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<ListChangedBlocksResponse> ListChangedBlocksAsync(ListChangedBlocksRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxResults = request.MaxResults ?? MaxResultsLimit;
        CheckMaxResults(maxResults);
        CheckWellFormed(request.FirstSnapshotId);
        CheckWellFormed(request.SecondSnapshotId);
        var from = StartOf(request.NextToken, request.StartingBlockIndex);
        var firstId = request.FirstSnapshotId;
        var secondId = request.SecondSnapshotId;
        return ReadAsync(world =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _engine.Time.GetUtcNow();
            var first = firstId is { } f ? FindReadable(world, f, now) : null;
            var second = FindReadable(world, secondId, now);
            if (first is not null && first.Lineage != second.Lineage && !Lineages(world, first).Overlaps(Lineages(world, second)))
            {
                throw Invalid(EbsErrorReasons.UnrelatedSnapshots, $"The snapshots '{first.Id}' and '{second.Id}' are not of the same volume lineage.");
            }

            var expiry = now + BlockTokenLifetime;
            var page = new ChangedBlockPage(maxResults, new BlockTokens.Issuers(first is null ? null : BlockTokens.For(first.Id, expiry), BlockTokens.For(second.Id, expiry)));
            _engine.Map.Diff(_engine.Graph, first?.Root, second.Root, from, ref page, byWrite: true);
            return ValueTask.FromResult(new ListChangedBlocksResponse
            {
                ChangedBlocks = page.ToImmutableArray(),
                ExpiryTime = expiry,
                VolumeSize = second.VolumeSizeGiB,
                BlockSize = _engine.BlockSize,
                NextToken = page.Next is { } next ? MakeToken(next) : null,
            });
        });
    }

    /// <summary>Reads one block of a snapshot, given the token a list call issued for it.</summary>
    /// <param name="request">The snapshot, block index and token.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The block's bytes with their SHA-256.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its token is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_BLOCK_TOKEN</c> for a token not issued for this block of this snapshot,
    /// or expired; <c>INVALID_SNAPSHOT_ID</c> as ListSnapshotBlocks; <c>INVALID_PARAMETER_VALUE</c> for a negative index;
    /// <c>ResourceNotFoundException</c> with <c>SNAPSHOT_NOT_FOUND</c>; <c>InternalServerException</c> when the block's chunk is not stored.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<GetSnapshotBlockResponse> GetSnapshotBlockAsync(GetSnapshotBlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.BlockToken);
        CheckWellFormed(request.SnapshotId);
        if (request.BlockIndex < 0)
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, "BlockIndex must not be negative.");
        }

        var snapshotId = request.SnapshotId;
        var index = request.BlockIndex;
        return ReadAsync(async world =>
        {
            var now = _engine.Time.GetUtcNow();
            var snapshot = FindReadable(world, snapshotId, now);
            if (_engine.Map.Lookup(_engine.Graph, snapshot.Root, index) is not { } chunk
                || !BlockTokens.IsValid(request.BlockToken, snapshotId, index, chunk, now))
            {
                throw Invalid(EbsErrorReasons.InvalidBlockToken, $"The block token is not valid for block {index} of snapshot '{snapshotId}', or has expired.", snapshotId.Value);
            }

            var scope = _engine.Keys.ScopeOf(world, snapshot);
            var length = _engine.BlockSize;
            var data = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                if (!await ChunkReader.TryReadAsync(_engine.Chunks, scope, chunk, data.AsMemory(0, length), cancellationToken).ConfigureAwait(false))
                {
                    throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {chunk} of snapshot {snapshotId} is not stored.", snapshotId.Value);
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(data);
                throw;
            }

            return new GetSnapshotBlockResponse
            {
                BlockData = new PooledBlockStream(data, length),
                DataLength = length,
                Checksum = Convert.ToBase64String(SHA256.HashData(data.AsSpan(0, length))),
                ChecksumAlgorithm = ChecksumAlgorithm.Sha256,
            };
        });
    }

    /// <summary>
    /// Reads a snapshot's image at any offset (the library's own operation), as a restore agent
    /// would with GetSnapshotBlock for every block, but in batches and without block tokens or
    /// checksums: the whole blocks' chunks of each 16 MiB are read from the store at once.
    /// Blocks never written read as zeros. The snapshot must be readable as for GetSnapshotBlock.
    /// </summary>
    /// <param name="request">The snapshot, the offset and the buffer to fill.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The number of bytes read, once <see cref="ReadSnapshotRequest.Destination"/> is filled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_SNAPSHOT_ID</c> as ListSnapshotBlocks, <c>INVALID_PARAMETER_VALUE</c> for a
    /// range outside the snapshot's volume size; <c>ResourceNotFoundException</c> with <c>SNAPSHOT_NOT_FOUND</c>;
    /// <c>InternalServerException</c> when a block's chunk is not stored.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public async ValueTask<ReadSnapshotResponse> ReadSnapshotAsync(ReadSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckWellFormed(request.SnapshotId);
        var snapshotId = request.SnapshotId;
        var offset = request.Offset;
        var destination = request.Destination;
        await ReadAsync(async world =>
        {
            var snapshot = FindReadable(world, snapshotId, _engine.Time.GetUtcNow());
            var size = (long)snapshot.VolumeSizeGiB << 30;
            if (offset < 0 || destination.Length > size - offset)
            {
                throw Invalid(EbsErrorReasons.InvalidParameterValue, $"The range [{offset}, {offset + destination.Length}) is outside snapshot '{snapshotId}' of {size} bytes.", snapshotId.Value);
            }

            var scope = _engine.Keys.ScopeOf(world, snapshot);
            await BlockRangeReader.ReadAsync(_engine.Chunks, scope, _engine.BlockSize, block => _engine.Map.Lookup(_engine.Graph, snapshot.Root, block), $"snapshot {snapshotId}", offset, destination, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        return new ReadSnapshotResponse { BytesRead = destination.Length };
    }

    /// <summary>
    /// The volume lineages a snapshot belongs to: its own (its volume's, or for a copy its source's,
    /// or for a StartSnapshot snapshot its parent's), and those of the snapshots it descends from
    /// (the snapshot its volume was created from, its parent), as far as they still exist.
    /// </summary>
    private static HashSet<VolumeId> Lineages(World world, SnapshotRecord snapshot)
    {
        var lineages = new HashSet<VolumeId>();
        var seen = new HashSet<SnapshotId>();
        var pending = new Stack<SnapshotRecord>([snapshot]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Id))
            {
                continue;
            }

            lineages.Add(next.Lineage);
            foreach (var ancestor in (ReadOnlySpan<SnapshotId?>)[next.SourceSnapshotId, next.Direct?.ParentSnapshotId])
            {
                if (ancestor is { } id && world.Snapshots.TryGetValue(id, out var found))
                {
                    pending.Push(found);
                }
            }
        }

        return lineages;
    }
}
