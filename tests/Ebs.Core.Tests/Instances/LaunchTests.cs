using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

public sealed class LaunchTests
{
    private const int Blocks = 8;

    [Fact]
    public async Task RunInstances_VolumeSnapshotImageInstanceCycle_EveryVolumeHoldsTheOriginalBytes()
    {
        await using var t = new TestCloud();
        var source = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(source.VolumeId, [0, 2, 3, 7], seedBase: 1);
        var expected = await t.ReadAsync(source.VolumeId, 0, Blocks * TestCloud.BlockSize);
        var image = await RegisterFromVolumeAsync(t, source.VolumeId, "first");

        var first = await t.LaunchAsync(image);
        var firstRoot = await t.Ec2.VolumeAtAsync(first.InstanceId, InstanceShorthands.Root);
        Assert.Equal(expected, await t.ReadAsync(firstRoot, 0, Blocks * TestCloud.BlockSize));

        var second = await t.LaunchAsync(await RegisterFromVolumeAsync(t, firstRoot, "second"));
        var secondRoot = await t.Ec2.VolumeAtAsync(second.InstanceId, InstanceShorthands.Root);
        Assert.Equal(expected, await t.ReadAsync(secondRoot, 0, Blocks * TestCloud.BlockSize));

        // Every block, not only those read: the volume's snapshot differs from the first image's in none.
        var check = await t.Ec2.TakeSnapshotAsync(secondRoot);
        var original = (await t.Ec2.DescribeImageAsync(image)).BlockDeviceMappings.Single().Ebs.SnapshotId;
        var diff = await t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { FirstSnapshotId = original, SecondSnapshotId = check.SnapshotId });
        Assert.Empty(diff.ChangedBlocks);
    }

    [Fact]
    public async Task RunInstances_FromImage_InstancePendingWithOneAttachedVolumePerMapping()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var launchedAt = t.Time.GetUtcNow();

        var instance = await t.LaunchAsync(image);

        Assert.Equal(InstanceStateName.Pending, instance.State.Name);
        Assert.Equal(0, instance.State.Code);
        Assert.Equal(image, instance.ImageId);
        Assert.Equal("us-east-1a", instance.Placement.AvailabilityZone);
        Assert.Equal(DeviceType.Ebs, instance.RootDeviceType);
        Assert.Equal(InstanceShorthands.Root, instance.RootDeviceName);
        Assert.Equal(launchedAt, instance.LaunchTime);
        Assert.Equal([InstanceShorthands.Data, InstanceShorthands.Root], instance.BlockDeviceMappings.Select(b => b.DeviceName));
        Assert.Equal([false, true], instance.BlockDeviceMappings.Select(b => b.Ebs.DeleteOnTermination));
        foreach (var mapping in instance.BlockDeviceMappings)
        {
            var volume = await t.Ec2.DescribeVolumeAsync(mapping.Ebs.VolumeId);
            Assert.Equal(VolumeState.InUse, volume.State);
            Assert.Equal("us-east-1a", volume.AvailabilityZone);
            var attachment = Assert.Single(volume.Attachments);
            Assert.Equal((instance.InstanceId, mapping.DeviceName, VolumeAttachmentState.Attached, launchedAt), (attachment.InstanceId, attachment.Device, attachment.State, attachment.AttachTime));
            Assert.NotNull(volume.Initialization); // lazily loaded, as CreateVolume from a snapshot
        }

        Assert.Equal([1, 2], (await Task.WhenAll(instance.BlockDeviceMappings.Select(async b => (await t.Ec2.DescribeVolumeAsync(b.Ebs.VolumeId)).Size))).Reverse());
    }

    [Fact]
    public async Task RunInstances_MinTwoMaxThree_LaunchesThreeInOneReservationEachWithItsOwnVolumes()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();

        var reservation = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 2, MaxCount = 3 })).Reservation;

        Assert.Equal([0, 1, 2], reservation.Instances.Select(i => i.AmiLaunchIndex));
        Assert.Equal(TestCloud.Account, reservation.OwnerId);
        Assert.StartsWith("r-", reservation.ReservationId, StringComparison.Ordinal);
        Assert.Equal(6, reservation.Instances.SelectMany(i => i.BlockDeviceMappings).Select(b => b.Ebs.VolumeId).Distinct().Count());
        Assert.Equal(6, (await t.Ec2.ListVolumesAsync()).Count(v => v.State == VolumeState.InUse));
        var described = (await t.Ec2.DescribeInstancesAsync(new())).Reservations;
        Assert.Equal(reservation.ReservationId, Assert.Single(described).ReservationId);
    }

    [Fact]
    public async Task RunInstances_Overrides_SizeAndDeleteOnTerminationPerDeviceAndTagsPerResourceType()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();

        var instance = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = image,
            MinCount = 1,
            MaxCount = 1,
            Placement = new() { AvailabilityZone = "us-east-1b" },
            BlockDeviceMappings = [new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Root, Ebs = new() { VolumeSize = 5, DeleteOnTermination = false } }],
            TagSpecifications = [.. Ec2Shorthands.Tags(ResourceType.Instance, new Dictionary<string, string> { ["role"] = "web" }), .. Ec2Shorthands.Tags(ResourceType.Volume, new Dictionary<string, string> { ["disk"] = "yes" })],
        })).Reservation.Instances.Single();

        Assert.Equal("us-east-1b", instance.Placement.AvailabilityZone);
        Assert.Equal("web", instance.Tags["role"]);
        var root = await t.Ec2.DescribeVolumeAsync(instance.BlockDeviceMappings.Single(b => b.DeviceName == InstanceShorthands.Root).Ebs.VolumeId);
        Assert.Equal((5, "us-east-1b", "yes", false), (root.Size, root.AvailabilityZone, root.Tags["disk"], root.Attachments.Single().DeleteOnTermination));
        Assert.False(root.Tags.Items.ContainsKey("role"));
    }

    public static TheoryData<string, Func<ImageId, RunInstancesRequest>> BadLaunches => new()
    {
        { EbsErrorCodes.InvalidParameterValue, image => new() { ImageId = image, MinCount = 0, MaxCount = 1 } },
        { EbsErrorCodes.InvalidParameterValue, image => new() { ImageId = image, MinCount = 3, MaxCount = 2 } },
        { EbsErrorCodes.InvalidZoneNotFound, image => new() { ImageId = image, MinCount = 1, MaxCount = 1, Placement = new() { AvailabilityZone = "eu-west-1a" } } },
        { EbsErrorCodes.InvalidBlockDeviceMapping, image => new() { ImageId = image, MinCount = 1, MaxCount = 1, BlockDeviceMappings = [new() { DeviceName = InstanceShorthands.Data, Ebs = new() { VolumeSize = 1 } }] } },
        { EbsErrorCodes.InvalidBlockDeviceMapping, image => new() { ImageId = image, MinCount = 1, MaxCount = 1, BlockDeviceMappings = [new() { DeviceName = "/dev/sdz", Ebs = new() { VolumeSize = 1 } }] } },
        { EbsErrorCodes.InvalidBlockDeviceMapping, image => new() { ImageId = image, MinCount = 1, MaxCount = 1, BlockDeviceMappings = [new() { DeviceName = InstanceShorthands.Root, Ebs = new() { VolumeSize = 65537 } }] } },
        { EbsErrorCodes.InvalidParameterValue, image => new() { ImageId = image, MinCount = 1, MaxCount = 1, TagSpecifications = Ec2Shorthands.Tags(ResourceType.Snapshot, new Dictionary<string, string> { ["k"] = "v" }) } },
        { EbsErrorCodes.InvalidAmiIdNotFound, _ => new() { ImageId = ImageId.Parse("ami-0123456789abcdef0"), MinCount = 1, MaxCount = 1 } },
        { EbsErrorCodes.InvalidAmiIdMalformed, _ => new() { ImageId = default, MinCount = 1, MaxCount = 1 } },
    };

    [Theory]
    [MemberData(nameof(BadLaunches))]
    public async Task RunInstances_BadRequest_AwsCodeAndNothingChanged(string code, Func<ImageId, RunInstancesRequest> request)
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RunInstancesAsync(request(image)).AsTask(), code);
    }

    [Fact]
    public async Task RunInstances_ImagePending_InvalidAmiIdUnavailableThenLaunchesOnceAvailable()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 1);
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var image = (await t.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = "pending", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] })).ImageId;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.LaunchAsync(image), EbsErrorCodes.InvalidAmiIdUnavailable);

        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(InstanceStateName.Pending, (await t.LaunchAsync(image)).State.Name);
    }

    private static async Task<ImageId> RegisterFromVolumeAsync(TestCloud t, VolumeId volume, string name)
    {
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume);
        t.Time.Advance(TimeSpan.FromHours(1));
        return (await t.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = name, RootDeviceName = InstanceShorthands.Root, BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, snapshot.SnapshotId)] })).ImageId;
    }
}
