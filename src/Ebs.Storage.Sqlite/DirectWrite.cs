using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Creates a file with Linux direct I/O (<c>O_DIRECT</c>): the bytes go from an aligned
/// buffer to the disk without being copied into the page cache, which a bulk import would
/// only evict again. Where direct I/O is unavailable (another system, or a file system such
/// as tmpfs that refuses it) the caller writes through the page cache instead.
/// </summary>
internal static unsafe partial class DirectWrite
{
    private const int Alignment = 4096;
    private const int WriteOnly = 0x1, Create = 0x40, Exclusive = 0x80, CloseOnExec = 0x80000;
    private const int InvalidArgument = 22;

    private static readonly int DirectFlag = !OperatingSystem.IsLinux() ? 0 : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    /// <summary>Creates <paramref name="path"/> holding <paramref name="data"/> then <paramref name="trailer"/>, bypassing the page cache.</summary>
    /// <returns><see langword="false"/>, having created nothing, when direct I/O is not available (on this system, or in this folder's file system).</returns>
    /// <exception cref="IOException">The file could not be created or written.</exception>
    public static bool TryCreate(string path, ReadOnlySpan<byte> data, ReadOnlySpan<byte> trailer)
    {
        if (DirectFlag == 0)
        {
            return false;
        }

        var fd = Open(path, WriteOnly | Create | Exclusive | CloseOnExec | DirectFlag, 0x1A4); // 0644
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != InvalidArgument)
            {
                throw new IOException($"Cannot create '{path}' (errno {error}).");
            }

            File.Delete(path);
            return false;
        }

        var length = data.Length + trailer.Length;
        var padded = (length + Alignment - 1) / Alignment * Alignment;
        var buffer = (byte*)NativeMemory.AlignedAlloc((nuint)padded, Alignment);
        try
        {
            using var file = new SafeFileHandle(fd, ownsHandle: true);
            var span = new Span<byte>(buffer, padded);
            data.CopyTo(span);
            trailer.CopyTo(span[data.Length..]);
            span[length..].Clear();
            RandomAccess.Write(file, span, 0);
            RandomAccess.SetLength(file, length);
            return true;
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);
}
