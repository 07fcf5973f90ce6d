using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite;

/// <summary>The few POSIX calls the chunk files need and .NET does not expose (or only with extra system calls).</summary>
internal static unsafe partial class Posix
{
    // Linux values; only ReadOnly and CloseOnExec are used on other systems.
    public const int ReadOnly = 0x0, WriteOnly = 0x1, Create = 0x40, Exclusive = 0x80;
    public const int GetFlags = 3, SetFlags = 4;
    public const int NoSuchFile = 2, InvalidArgument = 22;
    public const uint SyncFileRangeWrite = 2;

    /// <summary>Gets the <c>O_CLOEXEC</c> flag of this system (Linux, macOS), or 0.</summary>
    public static int CloseOnExec { get; } = OperatingSystem.IsLinux() ? 0x80000 : OperatingSystem.IsMacOS() ? 0x1000000 : 0;

    /// <summary>
    /// Gets the <c>O_DIRECT</c> flag on 64-bit Linux (x64, Arm64), or 0. Other systems go
    /// without direct I/O: 32-bit <c>pwrite</c> takes a 32-bit offset.
    /// </summary>
    public static int DirectFlag { get; } = !OperatingSystem.IsLinux() ? 0 : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x4000,
        Architecture.Arm64 => 0x10000,
        _ => 0,
    };

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

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    public static partial nint PWrite(int fd, byte* buffer, nint count, long offset);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    public static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, uint flags);
}
