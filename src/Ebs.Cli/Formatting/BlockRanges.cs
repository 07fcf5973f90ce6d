using static System.FormattableString;

namespace Ebs.Cli.Formatting;

/// <summary>Writes ascending block indexes as runs, such as <c>0–4, 10</c>, the way people read a change list.</summary>
internal static class BlockRanges
{
    /// <summary>Formats ascending block indexes as comma-separated runs of consecutive indexes.</summary>
    /// <param name="ascending">The block indexes, ascending and distinct.</param>
    /// <returns>The text, or <c>none</c> when there are no indexes.</returns>
    public static string Format(IReadOnlyList<long> ascending)
    {
        var runs = new List<string>();
        for (var start = 0; start < ascending.Count;)
        {
            var end = start;
            while (end + 1 < ascending.Count && ascending[end + 1] == ascending[end] + 1)
            {
                end++;
            }

            runs.Add(start == end ? Invariant($"{ascending[start]}") : Invariant($"{ascending[start]}–{ascending[end]}"));
            start = end + 1;
        }

        return runs.Count == 0 ? "none" : string.Join(", ", runs);
    }
}
