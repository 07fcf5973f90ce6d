using Microsoft.Win32.SafeHandles;

namespace Ebs.Cli.Transfer;

/// <summary>
/// The permissions of an exported image. The partial file is private while the bytes go in; the
/// finished image then takes the mode of the file it replaces (a private image stays private) or
/// what any new file gets. Windows has no Unix modes and keeps its own rules.
/// </summary>
internal static class FileModes
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode ReadWrite = Private | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
    private const UnixFileMode UsualMask = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite; // umask 022

    /// <summary>Makes a file created with <paramref name="options"/> readable by its owner only.</summary>
    public static void CreatePrivate(FileStreamOptions options)
    {
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Private;
        }
    }

    /// <summary>Gets the mode the image at <paramref name="target"/> must end with, or <see langword="null"/> on Windows.</summary>
    public static UnixFileMode? Final(ExportTarget target)
        => OperatingSystem.IsWindows() ? null
            : target.Kind == FileKind.Regular ? File.GetUnixFileMode(target.Path)
            : ReadWrite & ~Umask();

    /// <summary>Gives <paramref name="file"/> the <paramref name="mode"/> from <see cref="Final"/>.</summary>
    public static void Set(SafeFileHandle file, UnixFileMode? mode)
    {
        if (mode is { } final && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, final);
        }
    }

    /// <summary>Reads the process's umask without setting it (<c>umask(2)</c> can only swap it, racing other threads creating files).</summary>
    private static UnixFileMode Umask()
        => OperatingSystem.IsLinux() && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Umask:", StringComparison.Ordinal)) is { } line
            ? (UnixFileMode)Convert.ToInt32(line["Umask:".Length..].Trim(), 8)
            : UsualMask;
}
