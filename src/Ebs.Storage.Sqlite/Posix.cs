using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite;

/// <summary>The few POSIX calls the chunk files need and .NET does not expose (or only with extra system calls).</summary>
internal static partial class Posix
{
    public const int ReadOnly = 0x0;
    public const int NoSuchFile = 2;
    public const uint SyncFileRangeWrite = 2;

    /// <summary>Gets the <c>O_CLOEXEC</c> flag of this system (Linux, macOS), or 0.</summary>
    public static int CloseOnExec { get; } = OperatingSystem.IsLinux() ? 0x80000 : OperatingSystem.IsMacOS() ? 0x1000000 : 0;

    /// <summary>An exception for the failed call, with the error number it left.</summary>
    public static IOException Failure(string what, string path) => new($"Cannot {what} '{path}' (errno {Marshal.GetLastPInvokeError()}).");

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    public static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    public static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, uint flags);
}
