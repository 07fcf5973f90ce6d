using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a ListSnapshotsInRecycleBin call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class ListSnapshotsInRecycleBinPaginator
{
    internal ListSnapshotsInRecycleBinPaginator(Ec2Client client, ListSnapshotsInRecycleBinRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => client.ListSnapshotsInRecycleBinAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Snapshots = Paging.ItemsAsync(Responses, r => r.Snapshots);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<ListSnapshotsInRecycleBinResponse> Responses { get; }

    /// <summary>Gets every snapshot of every page, in order.</summary>
    public IAsyncEnumerable<SnapshotRecycleBinInfo> Snapshots { get; }
}
