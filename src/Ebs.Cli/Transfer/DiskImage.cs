using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Copies raw disk images into and out of volumes in large batches (one commit per batch),
/// skipping all-zero blocks so that holes in an image cost nothing.
/// </summary>
internal static class DiskImage
{
    /// <summary>The bytes read and written per call: 16 MiB.</summary>
    public const int BatchBytes = 16 << 20;

    /// <summary>
    /// Writes <paramref name="source"/> into a volume from offset 0. On a fresh volume zero
    /// blocks are skipped; on a used one a zero block is written only where the volume holds data.
    /// The next batch is read while the current one is stored.
    /// </summary>
    public static async Task ImportAsync(Stream source, Ec2Client ec2, VolumeId volume, int blockSize, bool fresh, Action<long> progress, CancellationToken cancellationToken)
    {
        byte[][] buffers = [new byte[BatchBytes], new byte[BatchBytes]];
        var next = source.ReadAtLeastAsync(buffers[0], BatchBytes, throwOnEndOfStream: false, cancellationToken).AsTask();
        try
        {
            long offset = 0;
            for (var turn = 0; ; turn ^= 1)
            {
                var read = await next;
                if (read == 0)
                {
                    return;
                }

                next = read < BatchBytes
                    ? Task.FromResult(0)
                    : source.ReadAtLeastAsync(buffers[turn ^ 1], BatchBytes, throwOnEndOfStream: false, cancellationToken).AsTask();
                await ImportBatchAsync(buffers[turn].AsMemory(0, read), offset, ec2, volume, blockSize, fresh, cancellationToken);
                offset += read;
                progress(read);
            }
        }
        finally
        {
            // A failed batch must not leave a read running into the caller's stream.
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Writes the first <paramref name="length"/> bytes of a volume to <paramref name="target"/>, leaving zero blocks as holes.</summary>
    public static async Task ExportAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, FileStream target, Action<long> progress, CancellationToken cancellationToken)
    {
        target.SetLength(length);
        var buffer = new byte[BatchBytes];
        for (long offset = 0; offset < length; offset += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, length - offset);
            await ec2.ReadVolumeAsync(volume, offset, buffer.AsMemory(0, count), cancellationToken);
            for (var position = 0; position < count; position += blockSize)
            {
                var block = buffer.AsMemory(position, Math.Min(blockSize, count - position));
                if (block.Span.ContainsAnyExcept((byte)0))
                {
                    target.Position = offset + position;
                    await target.WriteAsync(block, cancellationToken);
                }
            }

            progress(count);
        }
    }

    /// <summary>Writes one batch read from offset <paramref name="offset"/>: its runs of blocks to keep, in one call.</summary>
    private static async Task ImportBatchAsync(Memory<byte> batch, long offset, Ec2Client ec2, VolumeId volume, int blockSize, bool fresh, CancellationToken cancellationToken)
    {
        var current = fresh ? [] : new byte[blockSize];
        var runs = new List<VolumeWrite>();
        var runStart = -1;
        for (var position = 0; position < batch.Length; position += blockSize)
        {
            var block = batch.Slice(position, Math.Min(blockSize, batch.Length - position));
            var keep = block.Span.ContainsAnyExcept((byte)0);
            if (!keep && !fresh)
            {
                await ec2.ReadVolumeAsync(volume, offset + position, current.AsMemory(0, block.Length), cancellationToken);
                keep = current.AsSpan(0, block.Length).ContainsAnyExcept((byte)0);
            }

            if (keep && runStart < 0)
            {
                runStart = position;
            }
            else if (!keep && runStart >= 0)
            {
                runs.Add(new VolumeWrite(offset + runStart, batch[runStart..position]));
                runStart = -1;
            }
        }

        if (runStart >= 0)
        {
            runs.Add(new VolumeWrite(offset + runStart, batch[runStart..]));
        }

        await ec2.WriteVolumeAsync(volume, runs, cancellationToken);
    }
}
