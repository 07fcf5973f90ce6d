using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Writes volumes out as raw disk images. A file is written into a private partial file next to
/// it, renamed into place only when complete, so a failed or interrupted export leaves no partial
/// image and never a readable one; a device or pipe is written in place, in order.
/// </summary>
internal static class DiskImage
{
    /// <summary>The bytes read per call: 16 MiB.</summary>
    private const int BatchBytes = 16 << 20;

    /// <summary>
    /// Writes the first <paramref name="length"/> bytes of a volume to <paramref name="target"/>;
    /// in a file, zero blocks are left as holes.
    /// </summary>
    public static Task ExportAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
        => target.IsFile
            ? ReplaceAsync(ec2, volume, length, blockSize, target, progress, cancellationToken)
            : StreamAsync(ec2, volume, length, blockSize, target, progress, cancellationToken);

    private static async Task ReplaceAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        PartialFiles.RemoveStale(target.Path);
        var mode = FileModes.Final(target);
        var partial = PartialFiles.NewFor(target.Path);

        // FileShare.None locks the partial file, so that no other export takes it for abandoned.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous };
        FileModes.CreatePrivate(options);
        var file = new FileStream(partial, options);
        try
        {
            await using (file)
            {
                await WriteAsync(ec2, volume, length, blockSize, file, sparse: true, progress, cancellationToken);
                FileModes.Set(file.SafeFileHandle, mode);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, target.Path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>Writes every byte, zeros too, in order: a pipe cannot seek, and neither can be truncated or renamed over.</summary>
    private static async Task StreamAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(target.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, FileOptions.Asynchronous);
        await WriteAsync(ec2, volume, length, blockSize, stream, sparse: false, progress, cancellationToken);
        stream.Flush(flushToDisk: target.Kind == FileKind.BlockDevice);
    }

    private static async Task WriteAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, FileStream target, bool sparse, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (sparse)
        {
            target.SetLength(length);
        }

        var buffer = new byte[BatchBytes];
        for (long offset = 0; offset < length; offset += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, length - offset);
            await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = offset, Destination = buffer.AsMemory(0, count) }, cancellationToken);
            if (!sparse)
            {
                await target.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }
            else
            {
                for (var position = 0; position < count; position += blockSize)
                {
                    var block = buffer.AsMemory(position, Math.Min(blockSize, count - position));
                    if (block.Span.ContainsAnyExcept((byte)0))
                    {
                        target.Position = offset + position;
                        await target.WriteAsync(block, cancellationToken);
                    }
                }
            }

            progress?.Report(offset + count);
        }
    }
}
