using System.Buffers;
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
    /// <returns>The chunk's id, and whether its bytes had to be stored (not a dedup hit).</returns>
    public static async ValueTask<(ChunkId Id, bool Stored)> StoreAsync(IChunkStore store, ChunkScope scope, ReadOnlyMemory<byte> block, bool verify, CancellationToken cancellationToken)
    {
        for (var probe = 0; ; probe++)
        {
            var id = scope.Hash(block.Span, probe);
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
