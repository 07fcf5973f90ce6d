using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeVolumesModifications call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeVolumesModificationsPaginator
{
    internal DescribeVolumesModificationsPaginator(Ec2Client ec2, DescribeVolumesModificationsRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeVolumesModificationsAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        VolumesModifications = Paging.ItemsAsync(Responses, r => r.VolumesModifications);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeVolumesModificationsResponse> Responses { get; }

    /// <summary>Gets every modification of every page, in order.</summary>
    public IAsyncEnumerable<VolumeModification> VolumesModifications { get; }
}
