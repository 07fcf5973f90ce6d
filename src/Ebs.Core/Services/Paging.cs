using System.Runtime.CompilerServices;

namespace Ebs.Core.Services;

/// <summary>Walks a Describe call's pages by their NextToken, as the AWS SDK's paginators do.</summary>
internal static class Paging
{
    public static async IAsyncEnumerable<TResponse> ResponsesAsync<TResponse>(
        Func<string?, CancellationToken, ValueTask<TResponse>> describe,
        Func<TResponse, string?> nextTokenOf,
        string? firstToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = firstToken;
        do
        {
            var response = await describe(token, cancellationToken).ConfigureAwait(false);
            yield return response;
            token = nextTokenOf(response);
        }
        while (token is not null);
    }

    public static async IAsyncEnumerable<TItem> ItemsAsync<TResponse, TItem>(
        IAsyncEnumerable<TResponse> responses,
        Func<TResponse, IEnumerable<TItem>> itemsOf,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var response in responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in itemsOf(response))
            {
                yield return item;
            }
        }
    }
}
