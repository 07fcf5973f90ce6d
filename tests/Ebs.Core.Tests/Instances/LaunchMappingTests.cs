using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

public sealed class LaunchMappingTests
{
    [Fact]
    public async Task RunInstances_MappingTypesIopsThroughputAndDeleteOnTermination_EachVolumeAsAsked()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();

        var instance = await LaunchAsync(t, image,
            Change(InstanceShorthands.Root, new() { VolumeType = VolumeType.Gp3, Iops = 4000, Throughput = 250, VolumeSize = 8, DeleteOnTermination = false }),
            Change(InstanceShorthands.Data, new() { VolumeType = VolumeType.Io1, Iops = 200, VolumeSize = 4 }));

        var root = await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root));
        var data = await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Data));
        Assert.Equal((VolumeType.Gp3, 4000, 250, 8, false), (root.VolumeType, root.Iops, root.Throughput, root.Size, root.Attachments[0].DeleteOnTermination));
        Assert.Equal((VolumeType.Io1, 200, (int?)null, 4, false), (data.VolumeType, data.Iops, data.Throughput, data.Size, data.Attachments[0].DeleteOnTermination));
    }

    [Fact]
    public async Task RunInstances_ImageMappingType_UsedUnlessTheLaunchChangesIt()
    {
        await using var t = new TestCloud();
        var image = await RegisterTypedImageAsync(t);

        var plain = await t.LaunchAsync(image);
        var changed = await LaunchAsync(t, image, Change(InstanceShorthands.Root, new() { VolumeType = VolumeType.Gp2 }));
        var moreIops = await LaunchAsync(t, image, Change(InstanceShorthands.Root, new() { Iops = 4500 }));

        var plainRoot = await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(plain.InstanceId, InstanceShorthands.Root));
        var changedRoot = await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(changed.InstanceId, InstanceShorthands.Root));
        var moreRoot = await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(moreIops.InstanceId, InstanceShorthands.Root));
        Assert.Equal((VolumeType.Gp3, 5000, 200), (plainRoot.VolumeType, plainRoot.Iops, plainRoot.Throughput));
        Assert.Equal((VolumeType.Gp2, 100, (int?)null), (changedRoot.VolumeType, changedRoot.Iops, changedRoot.Throughput)); // gp2's baseline at 10 GiB: 3 per GiB, at least 100
        Assert.Equal((VolumeType.Gp3, 4500, 200), (moreRoot.VolumeType, moreRoot.Iops, moreRoot.Throughput));
        var data = await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(plain.InstanceId, InstanceShorthands.Data));
        Assert.Equal((VolumeType.St1, 125), (data.VolumeType, data.Size));
    }

    [Fact]
    public async Task RunInstances_EveryRefusedMapping_AwsCodeAndNothingChanged()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();

        Task Launch(string device, LaunchEbsBlockDevice change) => LaunchAsync(t, image, Change(device, change));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Root, new() { VolumeType = VolumeType.St1, VolumeSize = 125 }), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Root, new() { VolumeType = VolumeType.Sc1, VolumeSize = 500 }), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Data, new() { VolumeSize = 1 }), EbsErrorCodes.InvalidBlockDeviceMapping); // below the 2-GiB snapshot
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Data, new() { VolumeType = VolumeType.St1 }), EbsErrorCodes.InvalidParameterValue); // st1 starts at 125 GiB
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Data, new() { VolumeType = VolumeType.Io1, VolumeSize = 4 }), EbsErrorCodes.MissingParameter);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Data, new() { Iops = 3000 }), EbsErrorCodes.InvalidParameterCombination); // gp2
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Data, new() { VolumeType = VolumeType.Gp3, Throughput = 1001 }), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Launch(InstanceShorthands.Data, new() { VolumeType = (VolumeType)99 }), EbsErrorCodes.InvalidParameterValue);
    }

    [Fact]
    public async Task RegisterImage_St1Root_InvalidBlockDeviceMapping()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "cold root",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = InstanceShorthands.Root, Ebs = new EbsBlockDevice { SnapshotId = snapshot.SnapshotId, VolumeSize = 125, VolumeType = VolumeType.St1 } }],
        }).AsTask(), EbsErrorCodes.InvalidBlockDeviceMapping);
    }

    [Fact]
    public async Task CreateImage_OfTypedVolumes_RecordsEachVolumesTypeAndProvisionedPerformance()
    {
        await using var t = new TestCloud();
        var instance = await LaunchAsync(t, await t.RegisterImageAsync(),
            Change(InstanceShorthands.Root, new() { VolumeType = VolumeType.Gp3, Iops = 4000, VolumeSize = 10 }));
        t.Time.Advance(TimeSpan.FromMinutes(1));

        var image = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance.InstanceId, Name = "typed", NoReboot = true })).ImageId;

        var mappings = (await t.Ec2.DescribeImageAsync(image)).BlockDeviceMappings.ToDictionary(b => b.DeviceName, b => b.Ebs);
        Assert.Equal((VolumeType.Gp3, 4000, 125), (mappings[InstanceShorthands.Root].VolumeType, mappings[InstanceShorthands.Root].Iops, mappings[InstanceShorthands.Root].Throughput));
        Assert.Equal((VolumeType.Gp2, (int?)null, (int?)null), (mappings[InstanceShorthands.Data].VolumeType, mappings[InstanceShorthands.Data].Iops, mappings[InstanceShorthands.Data].Throughput));
    }

    [Fact]
    public async Task NoDevice_LeavesTheDeviceOutOfTheLaunchAndTheImageButNeverTheRoot()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var volumes = (await t.Ec2.ListVolumesAsync()).Count;

        var instance = await LaunchAsync(t, image, new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Data, NoDevice = string.Empty });

        Assert.Equal([InstanceShorthands.Root], instance.BlockDeviceMappings.Select(b => b.DeviceName));
        Assert.Equal(volumes + 1, (await t.Ec2.ListVolumesAsync()).Count);

        var full = await t.LaunchAsync(image);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var captured = (await t.Ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = full.InstanceId,
            Name = "root only",
            NoReboot = true,
            BlockDeviceMappings = [new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Data, NoDevice = string.Empty }],
        })).ImageId;
        Assert.Equal([InstanceShorthands.Root], (await t.Ec2.DescribeImageAsync(captured)).BlockDeviceMappings.Select(b => b.DeviceName));

        var root = new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Root, NoDevice = string.Empty };
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, root), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = full.InstanceId, Name = "no root", NoReboot = true, BlockDeviceMappings = [root] }).AsTask(), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Data }), EbsErrorCodes.InvalidBlockDeviceMapping);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Data, NoDevice = string.Empty, Ebs = new() }), EbsErrorCodes.InvalidBlockDeviceMapping);
    }

    /// <summary>The shorthand image with a gp3 root (5,000 IOPS, 200 MiB/s) and a 125-GiB st1 data volume.</summary>
    private static async Task<ImageId> RegisterTypedImageAsync(TestCloud t)
    {
        var source = await t.Ec2.DescribeImageAsync(await t.RegisterImageAsync("untyped"));
        var root = source.BlockDeviceMappings.Single(b => b.DeviceName == InstanceShorthands.Root).Ebs;
        var data = source.BlockDeviceMappings.Single(b => b.DeviceName == InstanceShorthands.Data).Ebs;
        return (await t.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "typed",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings =
            [
                new BlockDeviceMapping { DeviceName = InstanceShorthands.Root, Ebs = root with { VolumeType = VolumeType.Gp3, Iops = 5000, Throughput = 200, VolumeSize = 10 } },
                new BlockDeviceMapping { DeviceName = InstanceShorthands.Data, Ebs = data with { VolumeType = VolumeType.St1, VolumeSize = 125 } },
            ],
        })).ImageId;
    }

    private static LaunchBlockDeviceMapping Change(string device, LaunchEbsBlockDevice change) => new() { DeviceName = device, Ebs = change };

    private static async Task<Instance> LaunchAsync(TestCloud t, ImageId image, params LaunchBlockDeviceMapping[] changes)
        => (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1, BlockDeviceMappings = changes })).Reservation.Instances.Single();
}
