namespace Ebs.Core.Services;

/// <summary>The paginators of the Recycle Bin's list operations, as the AWS SDK's <c>Paginators</c> property offers them.</summary>
public sealed class RecycleBinPaginatorFactory
{
    private readonly RecycleBinClient _client;

    internal RecycleBinPaginatorFactory(RecycleBinClient client) => _client = client;

    /// <summary>Pages through ListRules, starting at the request's <see cref="ListRulesRequest.NextToken"/>.</summary>
    /// <param name="request">The first page's request; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ListRulesPaginator ListRules(ListRulesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ListRulesPaginator(_client, request);
    }
}
