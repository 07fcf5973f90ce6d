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
    /// Copies a completed snapshot the caller may use (its own, one shared with it, or a public one) from
    /// <see cref="CopySnapshotRequest.SourceRegion"/> into this facade's Region (or within it). The copy is the
    /// caller's, in its own chunk scope, and its source is unchanged. Only the chunks the destination lacks are
    /// transferred; the copy is pending while they are, and gets a new id. The copy of an encrypted
    /// snapshot is encrypted: with the named key, else the source's key for the owner's copy within a Region, else the
    /// default key; an unencrypted one is encrypted when asked or by default (AWS's encryption outcomes).
    /// </summary>
    /// <param name="request">The source Region and snapshot, description and tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new snapshot's id and tags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without a source Region; <c>InvalidRegion</c> for an unknown source Region;
    /// <c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>InvalidParameterValue</c> for a
    /// description over 255 characters or bad tags, or a KMS key that does not exist or is not accessible; <c>IncorrectState</c> when the source is not completed or is archived;
    /// <c>InvalidParameterDependency</c> for a KMS key without <c>Encrypted</c>; <c>InvalidKMSKey.InvalidState</c> when the source's
    /// key or the copy's is disabled, pending deletion or deleted, or when the source is another account's and its customer managed key
    /// is not granted to the caller.
    /// </exception>
    public async ValueTask<CopySnapshotResponse> CopySnapshotAsync(CopySnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sourceRegion = request.SourceRegion ?? throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter SourceRegion.");
        var sourceSnapshotId = request.SourceSnapshotId;
        var description = request.Description;
        var source = new Ec2Client(_engine, AccountId, _engine.CheckRegion(sourceRegion));
        source.FindUsableSnapshot(_engine.World, sourceSnapshotId);
        CheckDescription(description);
        var tags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Snapshot);
        CheckEncryptionParameters(request.Encrypted, request.KmsKeyId);

        var copy = await _engine.CommitAsync(nameof(CopySnapshotAsync), async m =>
        {
            var original = source.FindUsableSnapshot(m.World, sourceSnapshotId);
            if (!original.IsCompletedAt(m.Now))
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{sourceSnapshotId}' is not completed.", sourceSnapshotId.Value);
            }

            if (!original.IsReadableAt(m.Now))
            {
                throw Archived(sourceSnapshotId);
            }

            return await CopyIntoAsync(m, original, description ?? $"[Copied {sourceSnapshotId} from {sourceRegion}]", tags, request.Encrypted, request.KmsKeyId, cancellationToken).ConfigureAwait(false);
        }, null, cancellationToken).ConfigureAwait(false);
        return new CopySnapshotResponse { SnapshotId = copy.Id, Tags = TagList.Of(copy.Tags) };
    }

    /// <summary>
    /// Copies a completed, readable snapshot into this facade's Region within <paramref name="m"/>:
    /// only the chunks this Region lacks are stored; the copy is pending while they transfer. It is encrypted as AWS
    /// encrypts copies (<see cref="TargetKey"/>): the owner's copy within a Region keeps the source's key unless
    /// <paramref name="kmsKeyId"/> names another; any other copy of encrypted data takes the named or the default key.
    /// </summary>
    /// <exception cref="EbsException">
    /// <c>InvalidKMSKey.InvalidState</c> when the source's or the target key is not usable, or the source's is not the caller's nor granted to it; <c>InvalidParameterValue</c> for a
    /// named key that does not exist or is not the caller's (both before anything is stored).
    /// </exception>
    internal async ValueTask<SnapshotRecord> CopyIntoAsync(Mutation m, SnapshotRecord original, string description, System.Collections.Immutable.ImmutableSortedDictionary<string, string> tags, bool? encrypted, string? kmsKeyId, CancellationToken cancellationToken)
    {
        var keyArn = TargetKey(m, encrypted, kmsKeyId, original);
        var target = _engine.Keys.ScopeOf(m.World, AccountId, Region, keyArn);
        var (root, transferred) = await TransferAsync(m, original, target, cancellationToken).ConfigureAwait(false);
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
            KmsKeyId = keyArn,
        };
        m.SetSnapshot(record);
        return record;
    }

    /// <summary>
    /// Re-keys every block of a snapshot from its owner's scope into <paramref name="target"/> (another Region's, or
    /// another KMS key's: re-encryption); returns the new map and how many chunks had to be stored. Its callers chose the
    /// target key with <see cref="TargetKey"/>, which checked the caller may open the snapshot's key.
    /// </summary>
    private async ValueTask<(NodeId? Root, long Transferred)> TransferAsync(Mutation m, SnapshotRecord original, ChunkScope target, CancellationToken cancellationToken)
    {
        var source = _engine.Keys.ScopeOf(m.World, original);
        var blockSize = _engine.BlockSize;
        var changes = new List<BlockChange>((int)original.BlockCount);
        var translated = new Dictionary<ChunkId, ChunkId>();
        var transferred = 0L;
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            foreach (var (index, chunk) in _engine.Map.Enumerate(m.Refs, original.Root))
            {
                if (!translated.TryGetValue(chunk, out var copied))
                {
                    if (m.Staged?.GetValueOrDefault(chunk) is { Length: > 0 } staged)
                    {
                        // Staged by this call (a provider image's root, stored by its first use), not stored yet.
                        staged.CopyTo(buffer);
                    }
                    else if (!await ChunkReader.TryReadAsync(_engine.Chunks, source, chunk, buffer.AsMemory(0, blockSize), cancellationToken).ConfigureAwait(false))
                    {
                        throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {chunk} of snapshot {original.Id} is not stored.", original.Id.Value);
                    }

                    (copied, var stored) = await ChunkWriter.StoreAsync(_engine.Chunks, target, buffer.AsMemory(0, blockSize), _engine.Options.VerifyDedupHits, cancellationToken).ConfigureAwait(false);
                    m.StoredChunks.Add(copied);
                    transferred += stored ? 1 : 0;
                    translated[chunk] = copied;
                }

                changes.Add(new BlockChange(index, copied));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (_engine.Map.Apply(m.Refs, null, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(changes)), transferred);
    }
}
