using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests;

/// <summary>
/// Shorthands for tests whose subject is behaviour, not the request/response shape: each wraps
/// one public operation and gives back the record the test goes on to use.
/// </summary>
public static class Ec2Shorthands
{
    public static async ValueTask<Volume> DescribeVolumeAsync(this Ec2Client ec2, VolumeId volumeId)
        => (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [volumeId] })).Volumes.Single();

    public static async ValueTask<Snapshot> DescribeSnapshotAsync(this Ec2Client ec2, SnapshotId snapshotId)
        => (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] })).Snapshots.Single();

    public static async ValueTask<Image> DescribeImageAsync(this Ec2Client ec2, ImageId imageId)
        => (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] })).Images.Single();

    public static async ValueTask<IReadOnlyList<Volume>> ListVolumesAsync(this Ec2Client ec2, DescribeVolumesRequest? request = null)
        => (await ec2.DescribeVolumesAsync(request ?? new())).Volumes;

    public static async ValueTask<IReadOnlyList<Snapshot>> ListSnapshotsAsync(this Ec2Client ec2, DescribeSnapshotsRequest? request = null)
        => (await ec2.DescribeSnapshotsAsync(request ?? new())).Snapshots;

    /// <summary>Lists the caller's own images (Owners self, unless the request names owners): DescribeImages alone also lists public ones, the provider catalogue's among them.</summary>
    public static async ValueTask<IReadOnlyList<Image>> ListImagesAsync(this Ec2Client ec2, DescribeImagesRequest? request = null)
        => (await ec2.DescribeImagesAsync(request is { Owners.Count: > 0 } ? request : (request ?? new()) with { Owners = ["self"] })).Images;

    public static async ValueTask<Snapshot> TakeSnapshotAsync(this Ec2Client ec2, VolumeId volumeId, string? description = null, IReadOnlyDictionary<string, string>? tags = null)
        => (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volumeId, Description = description, TagSpecifications = Tags(ResourceType.Snapshot, tags) })).Snapshot;

    public static async ValueTask<Snapshot> CopySnapshotHereAsync(this Ec2Client ec2, string sourceRegion, SnapshotId sourceSnapshotId, string? description = null)
        => await ec2.DescribeSnapshotAsync((await ec2.CopySnapshotAsync(new CopySnapshotRequest { SourceRegion = sourceRegion, SourceSnapshotId = sourceSnapshotId, Description = description })).SnapshotId);

    public static async ValueTask<Image> RegisterAndDescribeImageAsync(this Ec2Client ec2, RegisterImageRequest request)
        => await ec2.DescribeImageAsync((await ec2.RegisterImageAsync(request)).ImageId);

    public static async ValueTask ReadAtAsync(this Ec2Client ec2, VolumeId volumeId, long offset, Memory<byte> destination)
        => await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volumeId, Offset = offset, Destination = destination });

    public static async ValueTask WriteAtAsync(this Ec2Client ec2, VolumeId volumeId, long offset, ReadOnlyMemory<byte> data)
        => await ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volumeId, Writes = [new VolumeWrite(offset, data)] });

    public static async ValueTask WriteAtAsync(this Ec2Client ec2, VolumeId volumeId, IReadOnlyList<VolumeWrite> writes)
        => await ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volumeId, Writes = writes });

    public static ValueTask<DeleteVolumeResponse> DeleteVolumeAsync(this Ec2Client ec2, VolumeId volumeId)
        => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId });

    public static ValueTask<DeleteSnapshotResponse> DeleteSnapshotAsync(this Ec2Client ec2, SnapshotId snapshotId)
        => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshotId });

    public static ValueTask<DeregisterImageResponse> DeregisterImageAsync(this Ec2Client ec2, ImageId imageId)
        => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId });

    public static ValueTask<GetSnapshotStorageResponse> GetSnapshotStorageAsync(this Ec2Client ec2, SnapshotId snapshotId)
        => ec2.GetSnapshotStorageAsync(new GetSnapshotStorageRequest { SnapshotId = snapshotId });

    public static IReadOnlyList<TagSpecification> Tags(ResourceType type, IReadOnlyDictionary<string, string>? tags)
        => tags is null ? [] : [new TagSpecification { ResourceType = type, Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] }];

    public static BlockDeviceMapping Mapping(string deviceName, SnapshotId snapshotId, int? volumeSize = null)
        => new() { DeviceName = deviceName, Ebs = new EbsBlockDevice { SnapshotId = snapshotId, VolumeSize = volumeSize } };
}
