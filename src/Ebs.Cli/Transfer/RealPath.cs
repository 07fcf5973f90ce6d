namespace Ebs.Cli.Transfer;

/// <summary>
/// The physical path of a file, as <c>realpath</c> gives it: every symbolic link resolved and each
/// <c>..</c> applied to the folder it is really in (after a link, not before), also for a path whose
/// last parts do not exist yet. Two paths name the same place only when their real paths agree.
/// </summary>
internal static class RealPath
{
    /// <summary>The most links followed before giving up, as Linux does (<c>MAXSYMLINKS</c>).</summary>
    private const int MaxLinks = 40;

    /// <summary>Gets the physical path of <paramref name="path"/>, relative to the current folder.</summary>
    /// <exception cref="IOException">The path holds a loop of links.</exception>
    public static string Of(string path)
    {
        var absolute = Path.Combine(Directory.GetCurrentDirectory(), path);
        var real = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>();
        Push(pending, absolute[real.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                real = Path.GetDirectoryName(real) ?? real;
            }
            else if (part != ".")
            {
                var next = Path.Join(real, part);
                if (new FileInfo(next).LinkTarget is not { } target)
                {
                    real = next;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    throw new IOException($"'{path}' holds a loop of symbolic links.");
                }

                var root = Path.GetPathRoot(target) ?? string.Empty;
                real = root.Length > 0 ? root : real;
                Push(pending, target[root.Length..]);
            }
        }

        return real;
    }

    /// <summary>Gets a value indicating whether <paramref name="path"/> is <paramref name="folder"/> or inside it; both real paths.</summary>
    public static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static void Push(Stack<string> pending, string path)
    {
        foreach (var part in Enumerable.Reverse(path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)))
        {
            pending.Push(part);
        }
    }
}
