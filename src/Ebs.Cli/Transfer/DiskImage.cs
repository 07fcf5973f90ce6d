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
    /// </summary>
    public static async Task ImportAsync(Stream source, Ec2Client ec2, VolumeId volume, int blockSize, bool fresh, Action<long> progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[BatchBytes];
        var current = new byte[blockSize];
        long offset = 0;
        int read;
        while ((read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            var runStart = -1;
            for (var position = 0; position < read; position += blockSize)
            {
                var block = buffer.AsMemory(position, Math.Min(blockSize, read - position));
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
                    await ec2.WriteVolumeAsync(volume, offset + runStart, buffer.AsMemory(runStart, position - runStart), cancellationToken);
                    runStart = -1;
                }
            }

            if (runStart >= 0)
            {
                await ec2.WriteVolumeAsync(volume, offset + runStart, buffer.AsMemory(runStart, read - runStart), cancellationToken);
            }

            offset += read;
            progress(read);
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
}
