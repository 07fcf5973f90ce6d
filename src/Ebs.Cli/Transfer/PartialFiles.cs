namespace Ebs.Cli.Transfer;

/// <summary>
/// The hidden <c>.NAME.GUID.partial</c> files an export writes before renaming one to NAME. The
/// export writing one holds an exclusive lock on it; one that nobody holds was left by an export
/// that died (killed, or the machine stopped) and is removed by the next export to NAME.
/// </summary>
internal static class PartialFiles
{
    private const string Suffix = ".partial";
    private const int GuidDigits = 32;

    /// <summary>Gets a new partial file's path for <paramref name="target"/>, a full path.</summary>
    public static string NewFor(string target)
        => Path.Combine(Path.GetDirectoryName(target)!, $"{Prefix(target)}{Guid.NewGuid():N}{Suffix}");

    /// <summary>Deletes the partial files of <paramref name="target"/>, a full path, that no running export holds.</summary>
    public static void RemoveStale(string target)
    {
        var prefix = Prefix(target);
        foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(target)!, "*" + Suffix))
        {
            var name = Path.GetFileName(path);
            if (name.Length == prefix.Length + GuidDigits + Suffix.Length
                && name.StartsWith(prefix, StringComparison.Ordinal)
                && name.EndsWith(Suffix, StringComparison.Ordinal)
                && Guid.TryParseExact(name.AsSpan(prefix.Length, GuidDigits), "N", out _)
                && FileKinds.Of(path) == FileKind.Regular // opening a pipe of that name would wait for a reader
                && IsAbandoned(path))
            {
                File.Delete(path);
            }
        }
    }

    private static string Prefix(string target) => $".{Path.GetFileName(target)}.";

    private static bool IsAbandoned(string path)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // locked by the export writing it, already gone, or not ours
        }
    }
}
