using System.Buffers;
using Ebs.Core.Storage;

namespace Ebs.Core.Chunks;

/// <summary>Reads a block from the chunk store in its scope: as stored, or opened with the scope's data key.</summary>
internal static class ChunkReader
{
    /// <summary>Reads a chunk's block into <paramref name="block"/>, exactly one block long.</summary>
    /// <returns><see langword="false"/> when the chunk is not stored.</returns>
    /// <exception cref="EbsException"><c>InternalError</c> naming the chunk when its stored copy is damaged (its store's check or its GCM tag fails).</exception>
    public static async ValueTask<bool> TryReadAsync(IChunkStore store, ChunkScope scope, ChunkId id, Memory<byte> block, CancellationToken cancellationToken)
    {
        if (scope.Key is not { } key)
        {
            return await store.TryReadAsync(id, block, cancellationToken).ConfigureAwait(false);
        }

        var length = scope.StoredLength(block.Length);
        var stored = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!await store.TryReadAsync(id, stored.AsMemory(0, length), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            return SealedChunk.TryOpen(key, id, stored.AsSpan(0, length), block.Span)
                ? true
                : throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {id} is corrupt: its authentication tag does not match its bytes.", id.ToString());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }

    /// <summary>
    /// Reads many chunks of this scope at once into <paramref name="blocks"/>, one block each in
    /// the order of <paramref name="ids"/>, as the store reads them fastest; <paramref name="found"/>
    /// tells per id whether the chunk is stored.
    /// </summary>
    /// <exception cref="EbsException"><c>InternalError</c> naming a chunk whose stored copy is damaged.</exception>
    public static async ValueTask ReadManyAsync(IChunkStore store, ChunkScope scope, ReadOnlyMemory<ChunkId> ids, Memory<byte> blocks, Memory<bool> found, CancellationToken cancellationToken)
    {
        if (scope.Key is not { } key)
        {
            await store.ReadManyAsync(ids, blocks, found, cancellationToken).ConfigureAwait(false);
            return;
        }

        var blockSize = ids.IsEmpty ? 0 : blocks.Length / ids.Length;
        var length = scope.StoredLength(blockSize);
        var stored = ArrayPool<byte>.Shared.Rent(length * ids.Length);
        try
        {
            await store.ReadManyAsync(ids, stored.AsMemory(0, length * ids.Length), found, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < ids.Length; i++)
            {
                var id = ids.Span[i];
                if (found.Span[i] && !SealedChunk.TryOpen(key, id, stored.AsSpan(i * length, length), blocks.Span.Slice(i * blockSize, blockSize)))
                {
                    throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {id} is corrupt: its authentication tag does not match its bytes.", id.ToString());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }
}
