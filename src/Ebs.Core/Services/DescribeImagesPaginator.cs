using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeImages call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeImagesPaginator
{
    internal DescribeImagesPaginator(Ec2Client ec2, DescribeImagesRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeImagesAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Images = Paging.ItemsAsync(Responses, r => r.Images);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeImagesResponse> Responses { get; }

    /// <summary>Gets every image of every page, in order.</summary>
    public IAsyncEnumerable<Image> Images { get; }
}
