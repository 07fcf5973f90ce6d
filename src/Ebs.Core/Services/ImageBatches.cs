using Ebs.Core.Buffers;

namespace Ebs.Core.Services;

/// <summary>
/// Reads a disk image in large batches and hands them on as a pipeline: the next batch is read
/// while the current one is hashed and stored and the one before it commits, so reading the
/// source, the work on the blocks and the flush of each commit overlap.
/// </summary>
internal static class ImageBatches
{
    /// <summary>The bytes read and stored per batch (one commit each): 16 MiB.</summary>
    public const int BatchBytes = 16 << 20;

    /// <summary>The batches held at once: one being read, one being stored, one committing.</summary>
    private const int Buffers = 3;

    /// <summary>
    /// Hands every batch of <paramref name="source"/> to <paramref name="store"/> with its offset,
    /// in order; a batch may be handed on before the one before it is stored (at most two are
    /// stored at once), so <paramref name="store"/> must accept that.
    /// </summary>
    /// <returns>The image's length.</returns>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> when the image is longer than <paramref name="capacity"/>.</exception>
    public static async ValueTask<long> CopyAsync(Stream source, long capacity, Func<long, ReadOnlyMemory<byte>, ValueTask> store, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Pooled and never zeroed: every byte handed on is read first.
        var buffers = new Memory<byte>[Buffers];
        var rented = new LargeBuffer[Buffers];
        for (var i = 0; i < Buffers; i++)
        {
            rented[i] = LargeBufferPool.Shared.Rent(BatchBytes);
            buffers[i] = rented[i].Memory[..BatchBytes];
        }

        var next = source.ReadAtLeastAsync(buffers[0], BatchBytes, throwOnEndOfStream: false, cancellationToken).AsTask();
        var storing = Task.CompletedTask;
        long stored = 0; // where the batch being stored ends
        try
        {
            long offset = 0;
            for (var turn = 0; ; turn = (turn + 1) % Buffers)
            {
                var read = await next.ConfigureAwait(false);
                if (read == 0)
                {
                    await StoredAsync(storing, stored, progress).ConfigureAwait(false);
                    return offset;
                }

                if (read > capacity - offset)
                {
                    throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The image is longer than the volume's {capacity} bytes.");
                }

                if (storing.IsFaulted || storing.IsCanceled)
                {
                    await storing.ConfigureAwait(false); // no batch after a failed one
                }

                // The buffer the next read fills held the batch before the previous one, which is stored by now.
                next = read < BatchBytes
                    ? Task.FromResult(0)
                    : source.ReadAtLeastAsync(buffers[(turn + 1) % Buffers], BatchBytes, throwOnEndOfStream: false, cancellationToken).AsTask();
                var (previous, previousEnd) = (storing, stored);
                storing = store(offset, buffers[turn][..read]).AsTask();
                offset += read;
                stored = offset;
                await StoredAsync(previous, previousEnd, progress).ConfigureAwait(false);
            }
        }
        finally
        {
            // A failed batch must not leave a read running into the caller's stream, nor a store into its volume.
            await Task.WhenAll(next, storing).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            LargeBufferPool.Shared.Return(rented);
        }
    }

    /// <summary>Waits for a batch to be stored, then reports where it ends (nothing for no batch).</summary>
    private static async ValueTask StoredAsync(Task storing, long end, IProgress<long>? progress)
    {
        await storing.ConfigureAwait(false);
        if (end > 0)
        {
            progress?.Report(end);
        }
    }
}
