namespace Ebs.Core.Services;

/// <summary>
/// The paginators of <see cref="Ec2Client"/>, as the AWS SDK's <c>ec2.Paginators</c>: each
/// walks a Describe call page by page, <c>await foreach (var v in ec2.Paginators.DescribeVolumes(request).Volumes)</c>.
/// </summary>
public sealed class Ec2Paginators
{
    private readonly Ec2Client _ec2;

    internal Ec2Paginators(Ec2Client ec2) => _ec2 = ec2;

    /// <summary>Pages through DescribeVolumes.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeVolumesPaginator DescribeVolumes(DescribeVolumesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through DescribeVolumesModifications.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeVolumesModificationsPaginator DescribeVolumesModifications(DescribeVolumesModificationsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through DescribeSnapshots.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeSnapshotsPaginator DescribeSnapshots(DescribeSnapshotsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through DescribeImages.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeImagesPaginator DescribeImages(DescribeImagesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through DescribeInstances.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeInstancesPaginator DescribeInstances(DescribeInstancesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through DescribeFastSnapshotRestores.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeFastSnapshotRestoresPaginator DescribeFastSnapshotRestores(DescribeFastSnapshotRestoresRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through ListSnapshotsInRecycleBin.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ListSnapshotsInRecycleBinPaginator ListSnapshotsInRecycleBin(ListSnapshotsInRecycleBinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through DescribeSnapshotTierStatus.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public DescribeSnapshotTierStatusPaginator DescribeSnapshotTierStatus(DescribeSnapshotTierStatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }

    /// <summary>Pages through ListImagesInRecycleBin.</summary>
    /// <param name="request">The request of the first page; its MaxResults sets the page size.</param>
    /// <returns>The paginator; nothing is fetched until it is enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public ListImagesInRecycleBinPaginator ListImagesInRecycleBin(ListImagesInRecycleBinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_ec2, request);
    }
}
