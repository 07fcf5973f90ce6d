namespace Ebs.Core.Services;

/// <summary>
/// Reads a disk image in large batches, the next one while the current one is stored, so
/// reading the source and hashing and storing its blocks overlap.
/// </summary>
internal static class ImageBatches
{
    /// <summary>The bytes read and stored per batch (one commit each): 16 MiB.</summary>
    public const int BatchBytes = 16 << 20;

    /// <summary>Hands every batch of <paramref name="source"/> to <paramref name="store"/> with its offset, in order.</summary>
    /// <returns>The image's length.</returns>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> when the image is longer than <paramref name="capacity"/>.</exception>
    public static async ValueTask<long> CopyAsync(Stream source, long capacity, Func<long, ReadOnlyMemory<byte>, ValueTask> store, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Uninitialized: every byte handed on is read first, so zeroing 32 MiB would be wasted work.
        byte[][] buffers = [GC.AllocateUninitializedArray<byte>(BatchBytes), GC.AllocateUninitializedArray<byte>(BatchBytes)];
        var next = source.ReadAtLeastAsync(buffers[0], BatchBytes, throwOnEndOfStream: false, cancellationToken).AsTask();
        try
        {
            long offset = 0;
            for (var turn = 0; ; turn ^= 1)
            {
                var read = await next.ConfigureAwait(false);
                if (read == 0)
                {
                    return offset;
                }

                if (read > capacity - offset)
                {
                    throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The image is longer than the volume's {capacity} bytes.");
                }

                next = read < BatchBytes
                    ? Task.FromResult(0)
                    : source.ReadAtLeastAsync(buffers[turn ^ 1], BatchBytes, throwOnEndOfStream: false, cancellationToken).AsTask();
                await store(offset, buffers[turn].AsMemory(0, read)).ConfigureAwait(false);
                offset += read;
                progress?.Report(offset);
            }
        }
        finally
        {
            // A failed batch must not leave a read running into the caller's stream.
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
