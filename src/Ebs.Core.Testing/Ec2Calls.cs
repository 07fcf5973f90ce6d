using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Testing;

/// <summary>The EC2 calls the driver and the checks make, each a public operation giving back the record it needs.</summary>
internal static class Ec2Calls
{
    public static async ValueTask<Snapshot> DescribeSnapshotAsync(this Ec2Client ec2, SnapshotId snapshotId)
        => (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] }).ConfigureAwait(false)).Snapshots.Single();

    public static async ValueTask<IReadOnlyList<Volume>> ListVolumesAsync(this Ec2Client ec2)
        => (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest()).ConfigureAwait(false)).Volumes;

    public static async ValueTask<IReadOnlyList<Snapshot>> ListSnapshotsAsync(this Ec2Client ec2, DescribeSnapshotsRequest? request = null)
        => (await ec2.DescribeSnapshotsAsync(request ?? new()).ConfigureAwait(false)).Snapshots;

    public static async ValueTask<Snapshot> TakeSnapshotAsync(this Ec2Client ec2, VolumeId volumeId)
        => (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volumeId }).ConfigureAwait(false)).Snapshot;

    public static async ValueTask<Snapshot> CopySnapshotHereAsync(this Ec2Client ec2, string region, SnapshotId sourceSnapshotId)
        => await ec2.DescribeSnapshotAsync((await ec2.CopySnapshotAsync(new CopySnapshotRequest { SourceRegion = region, SourceSnapshotId = sourceSnapshotId }).ConfigureAwait(false)).SnapshotId).ConfigureAwait(false);

    public static async ValueTask ReadAtAsync(this Ec2Client ec2, VolumeId volumeId, long offset, Memory<byte> destination)
        => await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volumeId, Offset = offset, Destination = destination }).ConfigureAwait(false);

    public static async ValueTask WriteAtAsync(this Ec2Client ec2, VolumeId volumeId, long offset, ReadOnlyMemory<byte> data)
        => await ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volumeId, Writes = [new VolumeWrite(offset, data)] }).ConfigureAwait(false);

    public static async ValueTask<Image> RegisterAndDescribeImageAsync(this Ec2Client ec2, RegisterImageRequest request)
    {
        var id = (await ec2.RegisterImageAsync(request).ConfigureAwait(false)).ImageId;
        return (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] }).ConfigureAwait(false)).Images.Single();
    }

    public static ValueTask<DeleteVolumeResponse> DeleteVolumeAsync(this Ec2Client ec2, VolumeId volumeId)
        => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId });

    public static ValueTask<DeleteSnapshotResponse> DeleteSnapshotAsync(this Ec2Client ec2, SnapshotId snapshotId)
        => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshotId });
}
