using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeSnapshots call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeSnapshotsPaginator
{
    internal DescribeSnapshotsPaginator(Ec2Client ec2, DescribeSnapshotsRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeSnapshotsAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Snapshots = Paging.ItemsAsync(Responses, r => r.Snapshots);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeSnapshotsResponse> Responses { get; }

    /// <summary>Gets every snapshot of every page, in order.</summary>
    public IAsyncEnumerable<Snapshot> Snapshots { get; }
}
