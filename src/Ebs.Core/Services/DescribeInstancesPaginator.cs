using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The pages of a DescribeInstances call, in the AWS SDK's paginator shape: each page is fetched with the
/// previous page's <c>NextToken</c> as it is enumerated. Enumerating again starts again.
/// </summary>
public sealed class DescribeInstancesPaginator
{
    internal DescribeInstancesPaginator(Ec2Client ec2, DescribeInstancesRequest request)
    {
        Responses = Paging.ResponsesAsync((token, ct) => ec2.DescribeInstancesAsync(request with { NextToken = token }, ct), r => r.NextToken, request.NextToken);
        Reservations = Paging.ItemsAsync(Responses, r => r.Reservations);
    }

    /// <summary>Gets every page's response, the first one included.</summary>
    /// <remarks>A page that fails throws its <see cref="EbsException"/> from the enumeration.</remarks>
    public IAsyncEnumerable<DescribeInstancesResponse> Responses { get; }

    /// <summary>Gets every reservation of every page (a reservation whose instances span pages comes once per page), in order.</summary>
    public IAsyncEnumerable<Reservation> Reservations { get; }
}
