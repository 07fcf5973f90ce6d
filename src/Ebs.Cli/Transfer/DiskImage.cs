using Ebs.Core.Buffers;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Writes volumes and snapshots out as raw disk images. A file is written into a private partial
/// file next to it, renamed into place only when complete, so a failed or interrupted export
/// leaves no partial image and never a readable one; a device or pipe is written in place, in order.
/// The export is a pipeline of two stages: the next batch is read from the store while the last
/// one is written, so at most two batches (32 MiB) are held. A file is written around the page
/// cache where its file system allows (<see cref="DirectWrites"/>); otherwise its write-back is
/// started batch by batch, so the disk writes while the rest is read and the final flush waits for little.
/// </summary>
internal static class DiskImage
{
    /// <summary>The bytes read per call: 16 MiB.</summary>
    public const int BatchBytes = 16 << 20;

    /// <summary>
    /// Writes the first <paramref name="length"/> bytes of a volume to <paramref name="target"/>;
    /// in a file, zero blocks are left as holes.
    /// </summary>
    public static Task ExportAsync(Ec2Client ec2, VolumeId volume, long length, int blockSize, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
        => ExportAsync(ReaderOf(ec2, volume), length, blockSize, target, progress, cancellationToken);

    /// <summary>Gets a reader of <paramref name="volume"/>'s bytes for the export methods.</summary>
    public static Func<long, Memory<byte>, CancellationToken, Task> ReaderOf(Ec2Client ec2, VolumeId volume)
        => (offset, buffer, ct) => ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = offset, Destination = buffer }, ct).AsTask();

    /// <summary>
    /// Exports as <see cref="ExportAsync(Func{long, Memory{byte}, CancellationToken, Task}, long, int, ExportTarget, IProgress{long}?, CancellationToken)"/>
    /// under a progress display titled <paramref name="description"/> (none when <paramref name="quiet"/>).
    /// </summary>
    public static Task ShowingProgressAsync(IAnsiConsole console, bool quiet, string description, Func<long, Memory<byte>, CancellationToken, Task> read, long length, int blockSize, ExportTarget target, CancellationToken cancellationToken)
        => TransferProgress.RunAsync(console, quiet, description, length, async progress =>
        {
            await ExportAsync(read, length, blockSize, target, progress, cancellationToken);
            return length;
        });

    /// <summary>
    /// Writes the first <paramref name="length"/> bytes of an image, read batch by batch through
    /// <paramref name="read"/> (which fills its buffer with the bytes at its offset), to
    /// <paramref name="target"/>; in a file, zero blocks are left as holes.
    /// </summary>
    public static Task ExportAsync(Func<long, Memory<byte>, CancellationToken, Task> read, long length, int blockSize, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
        => target.IsFile
            ? ReplaceAsync(read, length, blockSize, target, progress, cancellationToken)
            : StreamAsync(read, length, target, progress, cancellationToken);

    private static async Task ReplaceAsync(Func<long, Memory<byte>, CancellationToken, Task> read, long length, int blockSize, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
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
                await WriteAsync(read, length, blockSize, file, sparse: true, progress, cancellationToken);
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

    /// <summary>
    /// Writes a run of blocks at <paramref name="at"/>: directly while <paramref name="direct"/>,
    /// through the page cache from then on when the file system refuses a direct write, and the
    /// end of the image when it is not a whole number of 4-KiB units (the only run that can end so).
    /// </summary>
    /// <returns>Whether direct writes are still on.</returns>
    internal static bool WriteRun(FileStream target, long at, ReadOnlySpan<byte> run, bool direct)
    {
        var written = 0;
        if (direct)
        {
            try
            {
                written = DirectWrites.AlignedPart(run.Length);
                RandomAccess.Write(target.SafeFileHandle, run[..written], at);
            }
            catch (IOException)
            {
                written = 0; // written again below, through the page cache: a real fault fails there too
            }

            if (written < run.Length)
            {
                DirectWrites.Disable(target.SafeFileHandle);
                direct = false;
            }
        }

        if (written < run.Length)
        {
            RandomAccess.Write(target.SafeFileHandle, run[written..], at + written);
        }

        return direct;
    }

    /// <summary>Writes every byte, zeros too, in order: a pipe cannot seek, and neither can be truncated or renamed over.</summary>
    private static async Task StreamAsync(Func<long, Memory<byte>, CancellationToken, Task> read, long length, ExportTarget target, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(target.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, FileOptions.Asynchronous);
        await WriteAsync(read, length, blockSize: 0, stream, sparse: false, progress, cancellationToken);
        stream.Flush(flushToDisk: target.Kind == FileKind.BlockDevice);
    }

    /// <summary>
    /// Copies the image in batches, reading the next batch while writing the current one. A sparse
    /// target gets its length first and only the blocks that are not all zeros: the rest stay holes.
    /// </summary>
    private static async Task WriteAsync(Func<long, Memory<byte>, CancellationToken, Task> read, long length, int blockSize, FileStream target, bool sparse, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (sparse)
        {
            target.SetLength(length);
        }

        // Into a file, around the page cache where the file system allows it.
        var direct = sparse && DirectWrites.TryEnable(target.SafeFileHandle);

        // Pooled (memory already touched is cheaper to fill), aligned for direct writes, never zeroed: every read fills its whole buffer.
        LargeBuffer[] rented = [LargeBufferPool.Shared.Rent(BatchBytes), LargeBufferPool.Shared.Rent(BatchBytes)];
        var current = rented[0].Memory[..BatchBytes];
        var next = rented[1].Memory[..BatchBytes];
        try
        {
            // On the thread pool: a read from the store mostly completes synchronously, and would not overlap the write otherwise.
            Task ReadAhead(long offset, Memory<byte> buffer) => Task.Run(() => read(offset, buffer, cancellationToken), cancellationToken);
            var reading = length > 0 ? ReadAhead(0, current[..(int)Math.Min(BatchBytes, length)]) : Task.CompletedTask;
            for (long offset = 0; offset < length; offset += BatchBytes)
            {
                await reading;
                var count = (int)Math.Min(BatchBytes, length - offset);
                var batch = current[..count];
                var following = offset + count;
                reading = following < length ? ReadAhead(following, next[..(int)Math.Min(BatchBytes, length - following)]) : Task.CompletedTask;
                try
                {
                    if (sparse)
                    {
                        direct = WriteSparse(target, offset, batch.Span, blockSize, direct);
                    }
                    else
                    {
                        await target.WriteAsync(batch, cancellationToken);
                    }
                }
                catch
                {
                    await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default); // never leave a read filling a buffer behind
                    throw;
                }

                progress?.Report(offset + count);
                (current, next) = (next, current);
            }
        }
        finally
        {
            LargeBufferPool.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes a batch at <paramref name="offset"/> as runs of blocks that are not all zeros, one
    /// write each (<see cref="WriteRun"/>); the zeros between stay holes. Written through the page
    /// cache, the batch's write-back is started at once.
    /// </summary>
    /// <returns>Whether direct writes are still on.</returns>
    private static bool WriteSparse(FileStream target, long offset, ReadOnlySpan<byte> batch, int blockSize, bool direct)
    {
        for (var position = 0; position < batch.Length;)
        {
            var start = position;
            while (position < batch.Length && batch.Slice(position, Math.Min(blockSize, batch.Length - position)).ContainsAnyExcept((byte)0))
            {
                position += blockSize;
            }

            if (position > start)
            {
                direct = WriteRun(target, offset + start, batch[start..Math.Min(position, batch.Length)], direct);
            }

            position += blockSize;
        }

        if (!direct)
        {
            WriteBack.Start(target.SafeFileHandle, offset, batch.Length);
        }

        return direct;
    }
}
