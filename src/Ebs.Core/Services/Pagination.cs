using System.Buffers.Text;
using System.Text;

namespace Ebs.Core.Services;

/// <summary>
/// AWS's MaxResults / NextToken paging over a sorted listing. The token is opaque to callers:
/// it names the operation and the sort key of the last item returned, so a page that follows a
/// deletion or an insertion neither repeats nor skips the items that stayed.
/// </summary>
internal static class Pagination
{
    public const int MinResults = 5;
    public const int MaxResults = 1000;

    /// <summary>Checks AWS's rules for the paging parameters of <paramref name="operation"/>.</summary>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for MaxResults below 5; <c>InvalidParameterCombination</c> for MaxResults
    /// with ids where the operation forbids it; <c>InvalidPaginationToken</c> for a token it did not give.
    /// </exception>
    public static void Validate(string operation, int? maxResults, string? nextToken, bool hasIds, bool idsForbidPaging)
    {
        if (maxResults is < MinResults)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Value ({maxResults}) for parameter maxResults is invalid. Expecting a value greater than {MinResults - 1}.");
        }

        if (idsForbidPaging && hasIds && (maxResults is not null || nextToken is not null))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterCombination, $"{operation}: the ids parameter cannot be used with the parameters maxResults and nextToken.");
        }

        if (nextToken is not null)
        {
            AfterKey(operation, nextToken);
        }
    }

    /// <summary>Takes the page of <paramref name="sorted"/> that <paramref name="nextToken"/> starts.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(string operation, IEnumerable<T> sorted, Func<T, string> keyOf, int? maxResults, string? nextToken)
    {
        var after = nextToken is null ? null : AfterKey(operation, nextToken);
        var remaining = after is null ? sorted : sorted.Where(item => string.CompareOrdinal(keyOf(item), after) > 0);
        if (maxResults is not { } max)
        {
            return ([.. remaining], null);
        }

        var page = remaining.Take(Math.Min(max, MaxResults) + 1).ToList();
        if (page.Count <= Math.Min(max, MaxResults))
        {
            return (page, null);
        }

        page.RemoveAt(page.Count - 1);
        return (page, Token(operation, keyOf(page[^1])));
    }

    private static string Token(string operation, string key)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{operation}\n{key}"));

    /// <summary>Whether <paramref name="token"/> is one that <see cref="Page"/> gave for <paramref name="operation"/>, for services whose error for a bad token is not EC2's.</summary>
    public static bool IsToken(string operation, string token) => TryAfterKey(operation, token) is not null;

    private static string AfterKey(string operation, string token)
        => TryAfterKey(operation, token)
            ?? throw new EbsException(EbsErrorCodes.InvalidPaginationToken, $"The pagination token '{token}' is invalid for {operation}.", token);

    private static string? TryAfterKey(string operation, string token)
    {
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(token.Length)];
        return Convert.TryFromBase64String(token, bytes, out var written)
            && Encoding.UTF8.GetString(bytes, 0, written).Split('\n') is [var named, var key]
            && named == operation
            ? key
            : null;
    }
}
