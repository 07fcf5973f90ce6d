using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Creates files with Linux direct I/O (<c>O_DIRECT</c>): the bytes go from an aligned buffer
/// to the disk without being copied into the page cache, which a bulk import would only fill
/// and evict. The aligned part of a file is written directly and its short tail through the
/// page cache, so a file need not be a multiple of the alignment. Where direct I/O is
/// unavailable (another system, or a file system that refuses it) the caller writes through
/// the page cache instead.
/// </summary>
internal sealed unsafe class DirectWriter
{
    private const int Alignment = 4096;
    private const int PooledBuffers = 16;

    // Pinned buffers with room to align; reused, since a fresh one costs a page fault per page.
    private readonly ConcurrentBag<byte[]> _buffers = [];
    private volatile bool _refused = Posix.DirectFlag == 0;

    /// <summary>Creates <paramref name="path"/> holding <paramref name="data"/> then <paramref name="trailer"/>, bypassing the page cache.</summary>
    /// <returns><see langword="false"/>, having created nothing, when direct I/O is not available here.</returns>
    /// <exception cref="IOException">The file could not be created or written.</exception>
    public bool TryCreate(string path, ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer)
    {
        if (_refused)
        {
            return false;
        }

        var fd = Posix.Open(path, Posix.WriteOnly | Posix.Create | Posix.Exclusive | Posix.CloseOnExec | Posix.DirectFlag, 0x1A4); // 0644
        if (fd < 0)
        {
            if (Marshal.GetLastPInvokeError() != Posix.InvalidArgument)
            {
                throw Posix.Failure("create", path);
            }

            _refused = true;
            File.Delete(path);
            return false;
        }

        var length = data.Length + trailer.Length;
        var buffer = Rent(length);
        try
        {
            fixed (byte* pinned = buffer)
            {
                var start = (byte*)(((nint)pinned + Alignment - 1) & ~(nint)(Alignment - 1));
                var span = new Span<byte>(start, length);
                data.CopyTo(span);
                trailer.CopyTo(span[data.Length..]);
                var direct = length & ~(Alignment - 1);
                if (!TryWriteDirect(fd, start, direct, path))
                {
                    // Opened but refused at the first write (a device needing larger alignment, say).
                    _refused = true;
                    _ = Posix.Close(fd);
                    fd = -1;
                    File.Delete(path);
                    return false;
                }

                if (direct < length)
                {
                    var flags = Posix.Fcntl(fd, Posix.GetFlags, 0);
                    if (flags < 0 || Posix.Fcntl(fd, Posix.SetFlags, flags & ~Posix.DirectFlag) < 0)
                    {
                        throw Posix.Failure("write", path);
                    }

                    WriteAll(fd, start + direct, length - direct, direct, path);
                }
            }

            return true;
        }
        finally
        {
            if (fd >= 0)
            {
                _ = Posix.Close(fd);
            }

            Return(buffer);
        }
    }

    /// <summary>Writes the aligned part; <see langword="false"/> when the file system refuses the direct write itself.</summary>
    private static bool TryWriteDirect(int fd, byte* from, int count, string path)
    {
        if (count == 0)
        {
            return true;
        }

        var written = Posix.PWrite(fd, from, count, 0);
        if (written < 0 && Marshal.GetLastPInvokeError() == Posix.InvalidArgument)
        {
            return false;
        }

        if (written <= 0)
        {
            throw Posix.Failure("write", path);
        }

        WriteAll(fd, from + written, count - (int)written, written, path);
        return true;
    }

    private static void WriteAll(int fd, byte* from, int count, long offset, string path)
    {
        while (count > 0)
        {
            var written = Posix.PWrite(fd, from, count, offset);
            if (written <= 0)
            {
                throw Posix.Failure("write", path);
            }

            from += written;
            count -= (int)written;
            offset += written;
        }
    }

    private byte[] Rent(int length)
    {
        while (_buffers.TryTake(out var buffer))
        {
            if (buffer.Length >= length + Alignment)
            {
                return buffer;
            }
        }

        return GC.AllocateUninitializedArray<byte>(length + Alignment, pinned: true);
    }

    private void Return(byte[] buffer)
    {
        if (_buffers.Count < PooledBuffers)
        {
            _buffers.Add(buffer);
        }
    }
}
