using System.Runtime.InteropServices;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Tells regular files from devices and pipes, which .NET does not (its attributes call them all
/// <see cref="FileAttributes.Normal"/>): on Linux with <c>statx</c>, whose layout is the same on every
/// architecture. Elsewhere only files and folders are told apart.
/// </summary>
internal static partial class FileKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeField = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private const int StatusBytes = 256; // sizeof(struct statx)
    private const int NoSuchFile = 2; // ENOENT
    private const int NotADirectory = 20; // ENOTDIR

    /// <summary>Gets what <paramref name="path"/> names, following symbolic links.</summary>
    /// <exception cref="IOException">The path cannot be inspected (for example, a folder on the way cannot be searched).</exception>
    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        Span<byte> status = stackalloc byte[StatusBytes];
        if (Statx(CurrentDirectory, path, 0, TypeField, status) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchFile or NotADirectory ? FileKind.Missing : throw new IOException($"Cannot inspect '{path}' (errno {error}).");
        }

        return (MemoryMarshal.Read<ushort>(status[ModeOffset..]) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x6000 => FileKind.BlockDevice,
            0x2000 => FileKind.CharacterDevice,
            0x1000 => FileKind.Pipe,
            _ => FileKind.Other,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> status);
}
