using System.Buffers;
using Ebs.Core.Storage;

namespace Ebs.Core.Chunks;

/// <summary>
/// Stores blocks under their scoped content id: one hash, then either one copy into the store
/// or, on a dedup hit, a byte comparison that turns a hash collision into a probe for the
/// next id instead of sharing someone else's bytes, and a damaged stored copy into a repair.
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
                await store.PutAsync(id, block, cancellationToken).ConfigureAwait(false);
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
                    found = await store.TryReadAsync(id, stored.AsMemory(0, block.Length), cancellationToken).ConfigureAwait(false);
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
                {
                    // The stored copy is damaged and these bytes hash to its id: heal it.
                    await store.RepairAsync(id, block, cancellationToken).ConfigureAwait(false);
                    EbsTelemetry.ChunksWritten.Add(1, scope.Tags);
                    return (id, true);
                }

                if (!found)
                {
                    // Deleted since the lookup: store ours.
                    await store.PutAsync(id, block, cancellationToken).ConfigureAwait(false);
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
}
