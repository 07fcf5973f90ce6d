using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeVolumes call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeVolumesPaginator
{
    internal DescribeVolumesPaginator(Ec2Client ec2, DescribeVolumesRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeVolumesAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Volumes = Paging.ItemsAsync(Responses, r => r.Volumes);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeVolumesResponse> Responses { get; }

    /// <summary>Gets every volume of every page, in order.</summary>
    public IAsyncEnumerable<Volume> Volumes { get; }
}
