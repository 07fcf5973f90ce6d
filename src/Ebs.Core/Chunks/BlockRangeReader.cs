using System.Buffers;
using Ebs.Core.Buffers;
using Ebs.Core.Storage;

namespace Ebs.Core.Chunks;

/// <summary>
/// Reads a byte range of a volume or a snapshot from the chunks its blocks hold: the whole blocks'
/// chunks in batches of 16 MiB (one <see cref="ChunkReader.ReadManyAsync"/> each, which the store
/// reads in file order and decodes on every core), the blocks the range covers in part one by one.
/// A block that holds no chunk reads as zeros.
/// </summary>
internal static class BlockRangeReader
{
    /// <summary>The bytes of whole blocks read from the store at once: 16 MiB.</summary>
    private const int BatchBytes = 16 << 20;

    /// <summary>Fills <paramref name="destination"/> with the bytes at <paramref name="offset"/>.</summary>
    /// <param name="store">The chunk store.</param>
    /// <param name="scope">The scope the chunks are read in.</param>
    /// <param name="blockSize">The block size.</param>
    /// <param name="chunkAt">The chunk a block holds, <see langword="null"/> for zeros; asked once for each block of the range, in order.</param>
    /// <param name="owner">What the blocks belong to, such as <c>volume vol-…</c>, for the message when a chunk is not stored.</param>
    /// <param name="offset">The byte offset of the range.</param>
    /// <param name="destination">The buffer to fill; its length is the range's.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <exception cref="StaleReadException">A chunk a block holds is not stored (a concurrent commit freed it, or it is lost).</exception>
    public static async ValueTask ReadAsync(IChunkStore store, ChunkScope scope, int blockSize, Func<long, ChunkId?> chunkAt, string owner, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, BatchBytes / blockSize);
        var ids = new List<ChunkId>(batch);
        var places = new List<(long Block, int At)>(batch);
        var position = offset;
        var remaining = destination;
        while (!remaining.IsEmpty)
        {
            var block = position / blockSize;
            var within = (int)(position % blockSize);
            var length = Math.Min(blockSize - within, remaining.Length);
            if (chunkAt(block) is not { } id)
            {
                remaining.Span[..length].Clear();
            }
            else if (length < blockSize)
            {
                await ReadPartAsync(store, scope, blockSize, id, block, owner, within, remaining[..length], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ids.Add(id);
                places.Add((block, (int)(position - offset)));
                if (ids.Count == batch)
                {
                    await ReadWholeAsync(store, scope, blockSize, ids, places, owner, destination, cancellationToken).ConfigureAwait(false);
                }
            }

            position += length;
            remaining = remaining[length..];
        }

        await ReadWholeAsync(store, scope, blockSize, ids, places, owner, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the chunks <paramref name="ids"/> into their <paramref name="places"/> in <paramref name="destination"/> in one batch, then empties both lists.</summary>
    private static async ValueTask ReadWholeAsync(IChunkStore store, ChunkScope scope, int blockSize, List<ChunkId> ids, List<(long Block, int At)> places, string owner, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var buffer = LargeBufferPool.Shared.Rent(ids.Count * blockSize);
        var found = new bool[ids.Count];
        try
        {
            await ChunkReader.ReadManyAsync(store, scope, ids.ToArray(), buffer.Memory[..(ids.Count * blockSize)], found, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < ids.Count; i++)
            {
                if (!found[i])
                {
                    throw NotStored(ids[i], places[i].Block, owner);
                }

                buffer.GetSpan().Slice(i * blockSize, blockSize).CopyTo(destination.Span[places[i].At..]);
            }
        }
        finally
        {
            LargeBufferPool.Shared.Return(buffer);
        }

        ids.Clear();
        places.Clear();
    }

    /// <summary>Reads the part of block <paramref name="block"/> (chunk <paramref name="id"/>) from <paramref name="within"/> that fills <paramref name="destination"/>.</summary>
    private static async ValueTask ReadPartAsync(IChunkStore store, ChunkScope scope, int blockSize, ChunkId id, long block, string owner, int within, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            if (!await ChunkReader.TryReadAsync(store, scope, id, buffer.AsMemory(0, blockSize), cancellationToken).ConfigureAwait(false))
            {
                throw NotStored(id, block, owner);
            }

            buffer.AsSpan(within, destination.Length).CopyTo(destination.Span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static StaleReadException NotStored(ChunkId id, long block, string owner) => new($"Chunk {id} of block {block} of {owner} is not stored.");
}
