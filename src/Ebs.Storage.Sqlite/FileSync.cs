using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Durability calls: starting a file's write-back early (Linux <c>sync_file_range</c>),
/// flushing a file, or a folder so that the names created or renamed in it survive a crash
/// (<c>fsync</c>, which .NET offers only for files it opened for writing), or a whole file
/// system at once (Linux <c>syncfs</c>).
/// </summary>
internal static class FileSync
{
    private static readonly bool SyncFsReportsErrors = OperatingSystem.IsLinux() && Environment.OSVersion.Version >= new Version(5, 8);

    /// <summary>Asks the kernel to start writing a file's dirty pages now, without waiting for them.</summary>
    /// <remarks>An optimization only: a later flush still waits for the data.</remarks>
    public static void StartWriteBack(SafeFileHandle file)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = Posix.SyncFileRange(file, 0, 0, Posix.SyncFileRangeWrite);
        }
    }

    /// <summary>Asks the kernel to start writing the dirty pages of a range of a file now, without waiting for them.</summary>
    /// <remarks>An optimization only: a later flush still waits for the data.</remarks>
    public static void StartWriteBack(SafeFileHandle file, long offset, long count)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = Posix.SyncFileRange(file, offset, count, Posix.SyncFileRangeWrite);
        }
    }

    /// <summary>Makes a file's bytes durable.</summary>
    /// <remarks>
    /// Linux: <c>fsync</c> by path. Elsewhere .NET's flush, which on macOS is
    /// <c>F_FULLFSYNC</c> (a plain <c>fsync</c> there leaves the bytes in the drive's cache).
    /// </remarks>
    /// <returns><see langword="false"/> when the file does not exist.</returns>
    /// <exception cref="IOException">The file could not be flushed.</exception>
    public static bool FlushFile(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return FSync(path);
        }

        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(file);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Makes a folder's entries durable.</summary>
    /// <remarks>Windows journals folder changes itself and cannot open a folder for flushing.</remarks>
    /// <returns><see langword="false"/> when the folder does not exist.</returns>
    /// <exception cref="IOException">The folder could not be flushed.</exception>
    public static bool FlushDirectory(string path) => OperatingSystem.IsWindows() || FSync(path);

    /// <summary>
    /// Makes everything written to the file system holding <paramref name="path"/> durable, file
    /// data and folder entries alike, in one call (Linux <c>syncfs</c>).
    /// </summary>
    /// <returns>
    /// <see langword="false"/> where the call does not exist, or (Linux before 5.8) does not
    /// report write errors: flush files and folders one by one.
    /// </returns>
    /// <exception cref="IOException">The file system reported a write error.</exception>
    public static bool TryFlushFileSystem(string path)
    {
        if (!SyncFsReportsErrors)
        {
            return false;
        }

        return Flush(path, Posix.SyncFs, "flush the file system of") ? true : throw Posix.Failure("open", path);
    }

    private static bool FSync(string path) => Flush(path, Posix.FSync, "flush");

    /// <summary>Opens <paramref name="path"/> and makes <paramref name="flush"/> on it.</summary>
    /// <returns><see langword="false"/> when the path does not exist.</returns>
    private static bool Flush(string path, Func<int, int> flush, string what)
    {
        var fd = Posix.Open(path, Posix.ReadOnly | Posix.CloseOnExec, 0);
        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError() == Posix.NoSuchFile
                ? false
                : throw Posix.Failure("open", path);
        }

        try
        {
            return flush(fd) == 0 ? true : throw Posix.Failure(what, path);
        }
        finally
        {
            _ = Posix.Close(fd);
        }
    }
}
