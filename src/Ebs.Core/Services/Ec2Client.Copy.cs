using System.Buffers;
using System.Collections.Immutable;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The volume id AWS gives copied snapshots.</summary>
    public static VolumeId CopiedSnapshotVolumeId { get; } = VolumeId.Parse("vol-ffffffff");

    /// <summary>
    /// Copies one of the caller's completed snapshots from <see cref="CopySnapshotRequest.SourceRegion"/> into
    /// this facade's Region (or within it). Only the chunks the destination lacks are
    /// transferred; the copy is pending while they are, and gets a new id.
    /// </summary>
    /// <param name="request">The source Region and snapshot, description and tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new snapshot's id and tags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without a source Region; <c>InvalidRegion</c> for an unknown source Region;
    /// <c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>InvalidParameterValue</c> for a
    /// description over 255 characters or bad tags; <c>IncorrectState</c> when the source is not completed or is archived.
    /// </exception>
    public async ValueTask<CopySnapshotResponse> CopySnapshotAsync(CopySnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sourceRegion = request.SourceRegion ?? throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter SourceRegion.");
        var sourceSnapshotId = request.SourceSnapshotId;
        var description = request.Description;
        var source = new Ec2Client(_engine, AccountId, _engine.CheckRegion(sourceRegion));
        source.FindSnapshot(_engine.World, sourceSnapshotId);
        CheckDescription(description);
        var tags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Snapshot);

        var copy = await _engine.CommitAsync(nameof(CopySnapshotAsync), async m =>
        {
            var original = source.FindSnapshot(m.World, sourceSnapshotId);
            if (!original.IsCompletedAt(m.Now))
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{sourceSnapshotId}' is not completed.", sourceSnapshotId.Value);
            }

            if (!original.IsReadableAt(m.Now))
            {
                throw Archived(sourceSnapshotId);
            }

            return await CopyInAsync(m, original, description ?? $"[Copied {sourceSnapshotId} from {sourceRegion}]", tags, cancellationToken).ConfigureAwait(false);
        }, null, cancellationToken).ConfigureAwait(false);
        return new CopySnapshotResponse { SnapshotId = copy.Id, Tags = TagList.Of(copy.Tags) };
    }

    /// <summary>
    /// Stores a copy of a completed, readable snapshot in this scope as a new snapshot of the caller's: only the chunks this
    /// scope lacks are stored, and the copy is pending for as long as they take to transfer.
    /// </summary>
    private async ValueTask<SnapshotRecord> CopyInAsync(Mutation m, SnapshotRecord original, string description, ImmutableSortedDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var (root, transferred) = await TransferAsync(m, original, cancellationToken).ConfigureAwait(false);
        m.Refs.AddRef(root);
        var copyTime = CopyTime(transferred);
        var record = new SnapshotRecord
        {
            Id = _engine.Ids.Next<SnapshotId>(m.World.Snapshots.ContainsKey),
            OwnerId = AccountId,
            Region = Region,
            VolumeId = CopiedSnapshotVolumeId,
            VolumeSizeGiB = original.VolumeSizeGiB,
            Description = description,
            StartTime = m.Now,
            CopyStartsAt = m.Now,
            CompletesAt = m.Now + copyTime,
            Root = root,
            BlockCount = original.BlockCount,
            ChangedBlockCount = transferred,
            Tags = tags,
            DiskImageSizeInBytes = original.DiskImageSizeInBytes,
            LineageVolumeId = original.Lineage,
            Consistency = original.Consistency,
        };
        m.SetSnapshot(record);
        return record;
    }

    /// <summary>Re-keys every block of a snapshot into this scope; returns the new map and how many chunks had to be stored.</summary>
    private async ValueTask<(NodeId? Root, long Transferred)> TransferAsync(Mutation m, SnapshotRecord original, CancellationToken cancellationToken)
    {
        var blockSize = _engine.BlockSize;
        var changes = new List<BlockChange>((int)original.BlockCount);
        var translated = new Dictionary<ChunkId, ChunkId>();
        var transferred = 0L;
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            foreach (var (index, chunk) in _engine.Map.Enumerate(m.Refs, original.Root))
            {
                if (!translated.TryGetValue(chunk, out var target))
                {
                    if (!await _engine.Chunks.TryReadAsync(chunk, buffer.AsMemory(0, blockSize), cancellationToken).ConfigureAwait(false))
                    {
                        throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {chunk} of snapshot {original.Id} is not stored.", original.Id.Value);
                    }

                    (target, var stored) = await ChunkWriter.StoreAsync(_engine.Chunks, _scope, buffer.AsMemory(0, blockSize), _engine.Options.VerifyDedupHits, cancellationToken).ConfigureAwait(false);
                    m.StoredChunks.Add(target);
                    transferred += stored ? 1 : 0;
                    translated[chunk] = target;
                }

                changes.Add(new BlockChange(index, target));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (_engine.Map.Apply(m.Refs, null, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changes)), transferred);
    }
}
