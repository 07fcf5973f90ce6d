using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Writes volumes out as raw disk images: into a temporary file next to the target, renamed
/// into place only when complete, so a failed or interrupted export leaves no partial image.
/// </summary>
internal static class DiskImage
{
    /// <summary>The bytes read per call: 16 MiB.</summary>
    private const int BatchBytes = 16 << 20;

    /// <summary>
    /// Writes the first <paramref name="length"/> bytes of a volume to <paramref name="path"/>,
    /// leaving zero blocks as holes. An existing file is replaced only when <paramref name="overwrite"/> is set.
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> exists and <paramref name="overwrite"/> is not set.</exception>
    public static async Task ExportAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, string path, bool overwrite, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        if (!overwrite && File.Exists(target))
        {
            throw new IOException($"{path} exists; pass --force to overwrite it.");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        try
        {
            await using (file)
            {
                await WriteAsync(ec2, volume, length, blockSize, file, progress, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task WriteAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, FileStream target, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        target.SetLength(length);
        var buffer = new byte[BatchBytes];
        for (long offset = 0; offset < length; offset += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, length - offset);
            await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = offset, Destination = buffer.AsMemory(0, count) }, cancellationToken);
            for (var position = 0; position < count; position += blockSize)
            {
                var block = buffer.AsMemory(position, Math.Min(blockSize, count - position));
                if (block.Span.ContainsAnyExcept((byte)0))
                {
                    target.Position = offset + position;
                    await target.WriteAsync(block, cancellationToken);
                }
            }

            progress?.Report(offset + count);
        }
    }
}
