using System.Diagnostics;
using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>Files the transfer tests start from and look at.</summary>
internal static class TestFiles
{
    /// <summary>Writes a small image of random bytes with holes, <c>big.img</c>.</summary>
    public static async Task<string> WriteImageAsync(TempDirectory dir)
    {
        var path = Path.Combine(dir.Path, "big.img");
        await File.WriteAllBytesAsync(path, TestCloud.Image((1 << 20) + 77, seed: 11));
        return path;
    }

    /// <summary>Gets the names in <paramref name="dir"/>, sorted.</summary>
    public static List<string> Entries(TempDirectory dir) => [.. Directory.EnumerateFileSystemEntries(dir.Path).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal)];

    /// <summary>Runs a system tool (<c>mkfifo</c>, <c>mknod</c>) that must succeed.</summary>
    public static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
