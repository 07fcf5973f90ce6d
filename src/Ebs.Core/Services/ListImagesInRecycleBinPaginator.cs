using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a ListImagesInRecycleBin call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class ListImagesInRecycleBinPaginator
{
    internal ListImagesInRecycleBinPaginator(Ec2Client client, ListImagesInRecycleBinRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => client.ListImagesInRecycleBinAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Images = Paging.ItemsAsync(Responses, r => r.Images);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<ListImagesInRecycleBinResponse> Responses { get; }

    /// <summary>Gets every image of every page, in order.</summary>
    public IAsyncEnumerable<ImageRecycleBinInfo> Images { get; }
}
