using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// The two durability calls .NET does not offer: starting a file's write-back early (Linux
/// <c>sync_file_range</c>), and flushing a directory so that the names created or renamed in it
/// survive a crash (POSIX <c>fsync</c> on the directory).
/// </summary>
internal static partial class FileSync
{
    private const uint SyncFileRangeWrite = 2;

    /// <summary>Asks the kernel to start writing a file's dirty pages now, without waiting for them.</summary>
    /// <remarks>An optimization only: a later flush still waits for the data.</remarks>
    public static void StartWriteBack(SafeFileHandle file)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SyncFileRange(file, 0, 0, SyncFileRangeWrite);
        }
    }

    /// <summary>Makes a directory's entries durable.</summary>
    /// <remarks>Windows journals directory changes itself and cannot open a directory for flushing.</remarks>
    /// <exception cref="IOException">The directory could not be flushed.</exception>
    public static void FlushDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(path, 0);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{path}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (FSync(fd) != 0)
            {
                throw new IOException($"Cannot flush directory '{path}' (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, uint flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
