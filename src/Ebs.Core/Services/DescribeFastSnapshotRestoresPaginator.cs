using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeFastSnapshotRestores call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeFastSnapshotRestoresPaginator
{
    internal DescribeFastSnapshotRestoresPaginator(Ec2Client ec2, DescribeFastSnapshotRestoresRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeFastSnapshotRestoresAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        FastSnapshotRestores = Paging.ItemsAsync(Responses, r => r.FastSnapshotRestores);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeFastSnapshotRestoresResponse> Responses { get; }

    /// <summary>Gets every (snapshot, zone) pair of every page, in order.</summary>
    public IAsyncEnumerable<FastSnapshotRestoreSuccessItem> FastSnapshotRestores { get; }
}
