using System.Buffers;
using Ebs.Core.Buffers;
using Ebs.Core.Storage;

namespace Ebs.Core.Chunks;

/// <summary>
/// Stores blocks under their scoped content id: one hash, then either one copy into the store
/// or, on a dedup hit, a byte comparison that turns a hash collision into a probe for the
/// next id instead of sharing someone else's bytes, and a damaged stored copy into a repair.
/// A keyed scope's blocks are sealed before they are stored and opened before they are compared.
/// </summary>
internal static class ChunkWriter
{
    /// <summary>The bytes of held chunks <see cref="ConfirmAsync"/> reads back at once: 16 MiB.</summary>
    private const int ConfirmBatchBytes = 16 << 20;

    /// <returns>The chunk's id, and whether its bytes had to be stored (not a dedup hit).</returns>
    public static ValueTask<(ChunkId Id, bool Stored)> StoreAsync(IChunkStore store, ChunkScope scope, ReadOnlyMemory<byte> block, bool verify, CancellationToken cancellationToken)
        => StoreAsync(store, scope, block, scope.Hash(block.Span), verify, cancellationToken);

    /// <summary>Stores a block whose primary id (<see cref="ChunkScope.Hash"/> with probe 0) the caller has computed.</summary>
    /// <returns>The chunk's id, and whether its bytes had to be stored (not a dedup hit).</returns>
    public static async ValueTask<(ChunkId Id, bool Stored)> StoreAsync(IChunkStore store, ChunkScope scope, ReadOnlyMemory<byte> block, ChunkId primary, bool verify, CancellationToken cancellationToken)
    {
        for (var probe = 0; ; probe++)
        {
            var id = probe == 0 ? primary : scope.Hash(block.Span, probe);
            if (!await store.ContainsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                await PutAsync(store, scope, id, block, repair: false, cancellationToken).ConfigureAwait(false);
                EbsTelemetry.ChunksWritten.Add(1, scope.Tags);
                return (id, true);
            }

            if (!verify)
            {
                EbsTelemetry.DedupHits.Add(1, scope.Tags);
                return (id, false);
            }

            var stored = ArrayPool<byte>.Shared.Rent(block.Length);
            try
            {
                bool found;
                try
                {
                    found = await ChunkReader.TryReadAsync(store, scope, id, stored.AsMemory(0, block.Length), cancellationToken).ConfigureAwait(false);
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
                {
                    // The stored copy is damaged and these bytes hash to its id: heal it.
                    await PutAsync(store, scope, id, block, repair: true, cancellationToken).ConfigureAwait(false);
                    EbsTelemetry.ChunksWritten.Add(1, scope.Tags);
                    return (id, true);
                }

                if (!found)
                {
                    // Deleted since the lookup: store ours.
                    await PutAsync(store, scope, id, block, repair: false, cancellationToken).ConfigureAwait(false);
                    EbsTelemetry.ChunksWritten.Add(1, scope.Tags);
                    return (id, true);
                }

                if (stored.AsSpan(0, block.Length).SequenceEqual(block.Span))
                {
                    EbsTelemetry.DedupHits.Add(1, scope.Tags);
                    return (id, false);
                }

                EbsTelemetry.HashCollisions.Add(1, scope.Tags);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(stored);
            }
        }
    }

    /// <summary>
    /// Confirms blocks whose primary id is the chunk their volume already holds at their index,
    /// which an import of a changed image mostly meets: the chunks are read back in 16-MiB
    /// batches (one lookup and one pass over each pack) and compared byte for byte with the
    /// blocks, with no lookup of each id on its own. With <paramref name="verify"/> off, the ids
    /// alone confirm them, as a dedup hit is taken then. A block left unconfirmed (its chunk gone
    /// or damaged since, or holding other bytes: a collision) is for <see cref="StoreAsync(IChunkStore, ChunkScope, ReadOnlyMemory{byte}, ChunkId, bool, CancellationToken)"/>,
    /// which stores, repairs or probes as for any block. <paramref name="blocks"/> are all of one
    /// length, <paramref name="ids"/> their primary ids, and <paramref name="confirmed"/> is set per
    /// block when its stored chunk holds its bytes.
    /// </summary>
    public static async ValueTask ConfirmAsync(IChunkStore store, ChunkScope scope, ReadOnlyMemory<byte>[] blocks, ChunkId[] ids, bool verify, bool[] confirmed, CancellationToken cancellationToken)
    {
        if (blocks.Length == 0)
        {
            return;
        }

        if (!verify)
        {
            Array.Fill(confirmed, true);
            EbsTelemetry.DedupHits.Add(blocks.Length, scope.Tags);
            return;
        }

        var blockSize = blocks[0].Length;
        var batch = Math.Min(blocks.Length, Math.Max(1, ConfirmBatchBytes / blockSize));
        var stored = LargeBufferPool.Shared.Rent(batch * blockSize);
        var found = new bool[batch];
        var hits = 0;
        try
        {
            for (var start = 0; start < blocks.Length; start += batch)
            {
                var count = Math.Min(batch, blocks.Length - start);
                try
                {
                    await ChunkReader.ReadManyAsync(store, scope, ids.AsMemory(start, count), stored.Memory[..(count * blockSize)], found.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
                {
                    continue; // a damaged chunk: each block of the batch takes the way that heals it
                }

                for (var i = 0; i < count; i++)
                {
                    if (found[i] && stored.GetSpan().Slice(i * blockSize, blockSize).SequenceEqual(blocks[start + i].Span))
                    {
                        confirmed[start + i] = true;
                        hits++;
                    }
                }
            }
        }
        finally
        {
            LargeBufferPool.Shared.Return(stored);
        }

        EbsTelemetry.DedupHits.Add(hits, scope.Tags);
    }

    /// <summary>The bytes a chunk of <paramref name="scope"/> is stored as: the block itself, or a sealed copy.</summary>
    public static ReadOnlyMemory<byte> StoredForm(ChunkScope scope, ChunkId id, ReadOnlyMemory<byte> block)
    {
        if (scope.Key is not { } key)
        {
            return block;
        }

        var sealedChunk = new byte[scope.StoredLength(block.Length)];
        SealedChunk.Seal(key, id, block.Span, sealedChunk);
        return sealedChunk;
    }

    /// <summary>Puts (or repairs) a chunk as its scope stores it: the block itself, or the block sealed with the scope's data key.</summary>
    private static async ValueTask PutAsync(IChunkStore store, ChunkScope scope, ChunkId id, ReadOnlyMemory<byte> block, bool repair, CancellationToken cancellationToken)
    {
        if (scope.Key is not { } key)
        {
            await (repair ? store.RepairAsync(id, block, cancellationToken) : store.PutAsync(id, block, cancellationToken)).ConfigureAwait(false);
            return;
        }

        var length = scope.StoredLength(block.Length);
        var sealedChunk = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            SealedChunk.Seal(key, id, block.Span, sealedChunk.AsSpan(0, length));
            var bytes = sealedChunk.AsMemory(0, length);
            await (repair ? store.RepairAsync(id, bytes, cancellationToken) : store.PutAsync(id, bytes, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sealedChunk);
        }
    }
}
