using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Starts the write-back of a written range of a file early (Linux <c>sync_file_range</c>), so
/// the disk writes while the rest is still being read and the final flush waits for little.
/// </summary>
internal static partial class WriteBack
{
    private const uint SyncFileRangeWrite = 2;

    /// <summary>Asks the kernel to start writing the dirty pages of a range now, without waiting for them.</summary>
    /// <remarks>An optimization only: the flush that makes the file durable still waits for the data.</remarks>
    public static void Start(SafeFileHandle file, long offset, long count)
    {
        if (OperatingSystem.IsLinux() && count > 0)
        {
            _ = SyncFileRange(file, offset, count, SyncFileRangeWrite);
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, uint flags);
}
