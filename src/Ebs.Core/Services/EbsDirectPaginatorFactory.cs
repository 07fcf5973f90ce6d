namespace Ebs.Core.Services;

/// <summary>The paginators of the EBS direct APIs' list operations, as the AWS SDK's <c>Paginators</c> property offers them.</summary>
public sealed class EbsDirectPaginatorFactory
{
    private readonly EbsDirectClient _client;

    internal EbsDirectPaginatorFactory(EbsDirectClient client) => _client = client;

    /// <summary>Pages through ListChangedBlocks, starting at the request's <see cref="ListChangedBlocksRequest.NextToken"/>.</summary>
    /// <param name="request">The first page's request.</param>
    /// <returns>The paginator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ListChangedBlocksPaginator ListChangedBlocks(ListChangedBlocksRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ListChangedBlocksPaginator(_client, request);
    }

    /// <summary>Pages through ListSnapshotBlocks, starting at the request's <see cref="ListSnapshotBlocksRequest.NextToken"/>.</summary>
    /// <param name="request">The first page's request.</param>
    /// <returns>The paginator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ListSnapshotBlocksPaginator ListSnapshotBlocks(ListSnapshotBlocksRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ListSnapshotBlocksPaginator(_client, request);
    }
}
