using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Writes to a file around the page cache (Linux <c>O_DIRECT</c>): the bytes go from the
/// process's buffer to the disk, so an export neither pays for filling hundreds of megabytes of
/// page cache (in a virtual machine, fresh memory for each page) nor pushes out what other
/// programs cached. Such a write must start at, and span, whole 4-KiB units of the file and of
/// memory (the batch buffers start on 2-MiB boundaries), and a file system that refuses (or a
/// write it refuses) falls back to ordinary writes.
/// </summary>
internal static partial class DirectWrites
{
    /// <summary>The alignment of a direct write's offset, length and buffer: 4 KiB, the page size and the largest logical block size of common disks.</summary>
    public const int Alignment = 4096;

    private const int GetFlags = 3;
    private const int SetFlags = 4;

    /// <summary>Turns direct writes on for <paramref name="file"/>, where the platform and its file system allow them.</summary>
    /// <returns>Whether they are on.</returns>
    public static bool TryEnable(SafeFileHandle file) => Set(file, on: true);

    /// <summary>Turns direct writes off for <paramref name="file"/>: its next writes go through the page cache.</summary>
    public static void Disable(SafeFileHandle file) => Set(file, on: false);

    /// <summary>Gets the length of the part of a write of <paramref name="count"/> bytes that can be written directly; the rest is written through the page cache.</summary>
    public static int AlignedPart(int count) => count & ~(Alignment - 1);

    private static bool Set(SafeFileHandle file, bool on)
    {
        if (!OperatingSystem.IsLinux() || DirectFlag() is not { } flag)
        {
            return false;
        }

        var flags = Fcntl(file, GetFlags, 0);
        return flags >= 0 && Fcntl(file, SetFlags, on ? flags | flag : flags & ~flag) == 0;
    }

    /// <summary>The value of <c>O_DIRECT</c>, which differs between architectures; <see langword="null"/> where it is not known.</summary>
    private static int? DirectFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => null,
    };

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(SafeFileHandle fd, int command, int argument);
}
