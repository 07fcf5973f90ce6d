namespace Ebs.Core.Services;

/// <summary>
/// A Describe filter as AWS takes it: a name such as <c>status</c>, <c>volume-id</c>,
/// <c>tag:Name</c> or <c>tag-key</c>, and values of which any may match; <c>*</c> and
/// <c>?</c> are wildcards.
/// </summary>
/// <param name="Name">The filter name.</param>
/// <param name="Values">The accepted values.</param>
public sealed record Filter(string Name, params IReadOnlyList<string> Values)
{
    internal static bool MatchesAll(IEnumerable<Filter>? filters, Func<string, IEnumerable<string>?> valuesOf)
    {
        foreach (var filter in filters ?? [])
        {
            var actual = valuesOf(filter.Name)
                ?? throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The filter '{filter.Name}' is invalid.");
            if (!actual.Any(a => filter.Values.Any(v => Wildcard(v, a))))
            {
                return false;
            }
        }

        return true;
    }

    internal static void Validate(IEnumerable<Filter>? filters, Func<string, IEnumerable<string>?> valuesOf)
    {
        foreach (var filter in filters ?? [])
        {
            ArgumentNullException.ThrowIfNull(filter);
            if (valuesOf(filter.Name) is null)
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The filter '{filter.Name}' is invalid.");
            }
        }
    }

    internal static IEnumerable<string>? TagValues(string name, Domain.TagList tags)
        => name == "tag-key" ? tags.Select(t => t.Key)
            : name.StartsWith("tag:", StringComparison.Ordinal) ? tags.TryGetValue(name[4..], out var value) ? [value] : []
            : null;

    private static bool Wildcard(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
