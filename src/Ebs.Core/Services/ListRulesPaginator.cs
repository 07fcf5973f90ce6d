using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a ListRules call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class ListRulesPaginator
{
    internal ListRulesPaginator(RecycleBinClient client, ListRulesRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => client.ListRulesAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Rules = Paging.ItemsAsync(Responses, r => r.Rules);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<ListRulesResponse> Responses { get; }

    /// <summary>Gets every rule of every page, in order.</summary>
    public IAsyncEnumerable<RuleSummary> Rules { get; }
}
