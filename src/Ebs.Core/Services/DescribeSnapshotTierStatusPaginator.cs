using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeSnapshotTierStatus call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeSnapshotTierStatusPaginator
{
    internal DescribeSnapshotTierStatusPaginator(Ec2Client ec2, DescribeSnapshotTierStatusRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeSnapshotTierStatusAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        SnapshotTierStatuses = Paging.ItemsAsync(Responses, r => r.SnapshotTierStatuses);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeSnapshotTierStatusResponse> Responses { get; }

    /// <summary>Gets every status of every page, in order.</summary>
    public IAsyncEnumerable<SnapshotTierStatus> SnapshotTierStatuses { get; }
}
