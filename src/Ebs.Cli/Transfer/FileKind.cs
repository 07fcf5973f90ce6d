namespace Ebs.Cli.Transfer;

/// <summary>What a path names, as far as reading or writing a disk image goes.</summary>
internal enum FileKind
{
    /// <summary>Nothing: the path does not exist (or is a link to nothing).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A block device, such as a disk: seekable, of fixed size.</summary>
    BlockDevice,

    /// <summary>A character device, such as <c>/dev/null</c>: written in order, cannot seek.</summary>
    CharacterDevice,

    /// <summary>A named pipe (FIFO): streamed, cannot seek.</summary>
    Pipe,

    /// <summary>Anything else, such as a socket, which cannot be opened as a file.</summary>
    Other,
}
