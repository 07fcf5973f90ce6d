namespace Ebs.Cli.Transfer;

/// <summary>Checks a disk image to import before the store is opened, so that a wrong path changes nothing.</summary>
internal static class ImportSource
{
    /// <summary>Gets why <paramref name="path"/> cannot be imported, or <see langword="null"/>.</summary>
    /// <param name="path">The image's path.</param>
    /// <param name="lengthNeeded">Whether the new volume's size comes from the image's length.</param>
    public static string? Problem(string path, bool lengthNeeded) => FileKinds.Of(path) switch
    {
        FileKind.Directory => $"'{path}' is a directory, not a disk image.",
        FileKind.Pipe or FileKind.CharacterDevice or FileKind.Other when lengthNeeded => $"'{path}' is a stream whose length is unknown until it ends: pass --size GIB.",
        _ => null,
    };
}
