using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

/// <summary>An image to launch (a root and a data volume, each with written blocks) and shorthands over the instance calls.</summary>
public static class InstanceShorthands
{
    public const string Root = "/dev/xvda";
    public const string Data = "/dev/sdb";

    /// <summary>Root blocks 0–3 and data block 5 written; both snapshotted, completed, and registered as one image (data kept at termination).</summary>
    public static async Task<ImageId> RegisterImageAsync(this TestCloud t, string name = "golden")
    {
        var root = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(root.VolumeId, [0, 1, 2, 3], seedBase: 100);
        var data = await t.CreateVolumeAsync(2);
        await t.WriteBlocksAsync(data.VolumeId, [5], seedBase: 200);
        var rootSnapshot = await t.Ec2.TakeSnapshotAsync(root.VolumeId);
        var dataSnapshot = await t.Ec2.TakeSnapshotAsync(data.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        await t.Ec2.DeleteVolumeAsync(root.VolumeId);
        await t.Ec2.DeleteVolumeAsync(data.VolumeId);
        return (await t.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = name,
            RootDeviceName = Root,
            BlockDeviceMappings =
            [
                Ec2Shorthands.Mapping(Root, rootSnapshot.SnapshotId),
                new BlockDeviceMapping { DeviceName = Data, Ebs = new EbsBlockDevice { SnapshotId = dataSnapshot.SnapshotId, DeleteOnTermination = false } },
            ],
        })).ImageId;
    }

    public static async Task<Instance> LaunchAsync(this TestCloud t, ImageId image, string? zone = null)
        => (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1, Placement = new() { AvailabilityZone = zone } })).Reservation.Instances.Single();

    public static async Task<Instance> DescribeInstanceAsync(this Ec2Client ec2, InstanceId id)
        => (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Reservations.Single().Instances.Single();

    public static async Task<InstanceStateName> StateOfAsync(this Ec2Client ec2, InstanceId id) => (await ec2.DescribeInstanceAsync(id)).State.Name;

    /// <summary>The volume attached to an instance as <paramref name="device"/>: I/O through the device is I/O on it.</summary>
    public static async Task<VolumeId> VolumeAtAsync(this Ec2Client ec2, InstanceId id, string device)
        => (await ec2.DescribeInstanceAsync(id)).BlockDeviceMappings.Single(b => b.DeviceName == device).Ebs.VolumeId;
}
