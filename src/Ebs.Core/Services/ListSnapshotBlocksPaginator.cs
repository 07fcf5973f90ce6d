using System.Runtime.CompilerServices;

namespace Ebs.Core.Services;

/// <summary>
/// Every page of a ListSnapshotBlocks call, as responses or as blocks. Each enumeration starts
/// again from the request it was made with, which stays unchanged, so a paginator may be
/// enumerated more than once.
/// </summary>
public sealed class ListSnapshotBlocksPaginator
{
    private readonly EbsDirectClient _client;
    private readonly ListSnapshotBlocksRequest _request;

    internal ListSnapshotBlocksPaginator(EbsDirectClient client, ListSnapshotBlocksRequest request)
    {
        _client = client;
        _request = request;
    }

    /// <summary>Gets every response, one per page; a call's <see cref="EbsException"/> surfaces from the enumeration.</summary>
    public IAsyncEnumerable<ListSnapshotBlocksResponse> Responses => PagesAsync();

    /// <summary>Gets every block of every page, ascending by index.</summary>
    public IAsyncEnumerable<Block> Blocks => BlocksAsync();

    private async IAsyncEnumerable<ListSnapshotBlocksResponse> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = _request;
        while (true)
        {
            var response = await _client.ListSnapshotBlocksAsync(request, cancellationToken).ConfigureAwait(false);
            yield return response;
            if (response.NextToken is null)
            {
                yield break;
            }

            request = request with { NextToken = response.NextToken };
        }
    }

    private async IAsyncEnumerable<Block> BlocksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in PagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var block in page.Blocks)
            {
                yield return block;
            }
        }
    }
}
