using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>
/// The port for content-addressed, write-once chunk storage. Every chunk is one block, or one
/// block sealed for an encrypted volume or snapshot (<see cref="ChunkFormat.SealedOverhead"/> bytes more).
/// Implementations must be safe to call from many threads.
/// </summary>
/// <remarks>
/// The commit protocol relies on three properties: <see cref="PutAsync"/> is idempotent, every
/// chunk stored before a <see cref="FlushAsync"/> is durable when it returns (the engine
/// flushes before it commits state that references new chunks), and a chunk is only deleted
/// after the state that stopped referencing it has been committed.
/// </remarks>
public interface IChunkStore
{
    /// <summary>Stores a chunk unless one with the same id is already stored.</summary>
    /// <param name="id">The chunk id.</param>
    /// <param name="data">The chunk bytes (one block).</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>
    /// A task that completes when the chunk is stored: readable, and durable once a later
    /// <see cref="FlushAsync"/> returns.
    /// </returns>
    ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes every chunk whose <see cref="PutAsync"/> completed before this call durable, so
    /// that state referencing them can be committed. Stores that keep nothing across a crash
    /// return at once.
    /// </summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when those chunks survive a crash or power loss.</returns>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a stored chunk whose bytes failed their check with its correct bytes (which
    /// hash to its id), so that writing the same data again heals a damaged chunk.
    /// </summary>
    /// <param name="id">The chunk id.</param>
    /// <param name="data">The chunk's correct bytes.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the chunk reads correctly; durable once a later <see cref="FlushAsync"/> returns.</returns>
    ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Copies a chunk into <paramref name="destination"/>.</summary>
    /// <param name="id">The chunk id.</param>
    /// <param name="destination">A buffer of at least the chunk's length.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the chunk was found and copied; <see langword="false"/> when it is not stored.</returns>
    ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies many chunks of one length, in whatever order the store reads them fastest (one
    /// location lookup and one pass over each pack for a pack store). The default reads them one
    /// by one with <see cref="TryReadAsync"/>.
    /// </summary>
    /// <param name="ids">The chunk ids.</param>
    /// <param name="destination">Room for every chunk, each <paramref name="destination"/>'s length divided by the number of ids: chunk <c>i</c> goes at <c>i</c> times that length.</param>
    /// <param name="found">One flag per id, set when the chunk was found and copied, cleared when it is not stored.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when every chunk found is copied.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> or <paramref name="found"/> does not fit <paramref name="ids"/>.</exception>
    /// <exception cref="EbsException"><c>InternalError</c> naming a chunk whose stored copy is damaged; the other chunks may or may not be copied.</exception>
    async ValueTask ReadManyAsync(ReadOnlyMemory<ChunkId> ids, Memory<byte> destination, Memory<bool> found, CancellationToken cancellationToken = default)
    {
        var length = ReadManyLength(ids.Length, destination.Length, found.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var read = await TryReadAsync(ids.Span[i], destination.Slice(i * length, length), cancellationToken).ConfigureAwait(false);
            found.Span[i] = read;
        }
    }

    /// <summary>Checks the buffers given to <see cref="ReadManyAsync"/> and returns the length of one chunk.</summary>
    private static int ReadManyLength(int count, int destinationLength, int foundLength)
    {
        if (foundLength != count)
        {
            throw new ArgumentException($"{foundLength} found flags for {count} chunks.", "found");
        }

        if (count == 0)
        {
            return 0;
        }

        return destinationLength % count == 0
            ? destinationLength / count
            : throw new ArgumentException($"{destinationLength} bytes are not a whole number of chunks for {count} ids.", "destination");
    }

    /// <summary>Tells whether a chunk is stored.</summary>
    /// <param name="id">The chunk id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the chunk is stored.</returns>
    ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a chunk if it is stored.</summary>
    /// <param name="id">The chunk id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when a chunk was deleted.</returns>
    ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default);

    /// <summary>Enumerates the ids of all stored chunks, in no particular order.</summary>
    /// <param name="cancellationToken">A token to cancel the enumeration.</param>
    /// <returns>The stored chunk ids.</returns>
    IAsyncEnumerable<ChunkId> EnumerateAsync(CancellationToken cancellationToken = default);
}
