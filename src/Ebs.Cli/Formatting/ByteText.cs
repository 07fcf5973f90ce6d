using static System.FormattableString;

namespace Ebs.Cli.Formatting;

/// <summary>Writes byte counts for people: binary units, and block counts next to them.</summary>
internal static class ByteText
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>Formats a byte count in the largest binary unit that keeps it at least 1, such as <c>1.25 MiB</c>.</summary>
    /// <param name="bytes">The byte count.</param>
    /// <returns>The text.</returns>
    public static string Size(long bytes)
    {
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return Invariant($"{value:0.##} {Units[unit]}");
    }

    /// <summary>Formats a byte count as whole blocks and their size, such as <c>20 blocks (1.25 MiB)</c>.</summary>
    /// <param name="bytes">The byte count, a multiple of <paramref name="blockSize"/>.</param>
    /// <param name="blockSize">The block size in bytes.</param>
    /// <returns>The text.</returns>
    public static string Blocks(long bytes, int blockSize)
    {
        var blocks = bytes / blockSize;
        return Invariant($"{blocks:N0} {(blocks == 1 ? "block" : "blocks")} ({Size(bytes)})");
    }
}
