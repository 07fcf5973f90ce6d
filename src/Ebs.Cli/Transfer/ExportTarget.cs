namespace Ebs.Cli.Transfer;

/// <summary>
/// Where an export writes, checked before anything is written. A file is created or replaced
/// whole (through a temporary file next to it), at the end of any symbolic links; a device or
/// pipe is written where it is, since replacing it would remove a device node or leave a pipe's
/// reader with nothing. Nothing inside the store may be written: an image over the store's own
/// files would destroy it.
/// </summary>
/// <param name="Path">The file to create or replace (links resolved), or the device or pipe as given.</param>
/// <param name="Kind">What <paramref name="Path"/> is now.</param>
internal sealed record ExportTarget(string Path, FileKind Kind)
{
    /// <summary>Gets a value indicating whether the image becomes a file (a new one or a replacement), rather than streaming into a device or pipe.</summary>
    public bool IsFile => Kind is FileKind.Missing or FileKind.Regular;

    /// <summary>Checks <paramref name="path"/> as the target of an export from the store at <paramref name="store"/>.</summary>
    /// <param name="path">The path the user gave.</param>
    /// <param name="store">The store directory.</param>
    /// <param name="force">Whether an existing file may be replaced, or a block device written over.</param>
    /// <returns>The target.</returns>
    /// <exception cref="IOException">The path cannot or may not be written; the message names it.</exception>
    public static ExportTarget Resolve(string path, string store, bool force)
    {
        var real = RealPath.Of(path);
        if (RealPath.IsWithin(real, RealPath.Of(store)))
        {
            throw new IOException($"'{path}' is inside the store '{store}'; export to a file outside it.");
        }

        var kind = FileKinds.Of(path);
        var folder = System.IO.Path.GetDirectoryName(real)!;
        return kind switch
        {
            FileKind.Directory => throw new IOException($"'{path}' is a directory; give the name of the image file to write."),
            FileKind.Missing when !Directory.Exists(folder) => throw new IOException($"Cannot write '{path}': the folder '{folder}' does not exist."),
            FileKind.Regular when !force => throw new IOException($"'{path}' exists; pass --force to replace it."),
            FileKind.BlockDevice when !force => throw new IOException($"'{path}' is a block device; pass --force to write the image over it."),
            FileKind.Other => throw new IOException($"'{path}' is not a file, device or pipe."),
            FileKind.Missing or FileKind.Regular => new ExportTarget(real, kind),
            _ => new ExportTarget(path, kind),
        };
    }
}
