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
}
