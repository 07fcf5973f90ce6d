using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

public sealed class InstanceStoreTests
{
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task InstanceStoreImage_Launched_CannotStopRebootsAndTerminatesKeepingOnlyItsEbsVolumes()
    {
        await using var t = new TestCloud();
        var data = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(data.VolumeId, [0], seedBase: 1);
        var snapshot = await t.Ec2.TakeSnapshotAsync(data.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var image = await t.Ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = "store",
            ImageLocation = "my-bucket/store.manifest.xml",
            RootDeviceName = "/dev/sda1",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sdb", Ebs = new EbsBlockDevice { SnapshotId = snapshot.SnapshotId, DeleteOnTermination = false } }],
        });
        Assert.Equal((DeviceType.InstanceStore, "my-bucket/store.manifest.xml"), (image.RootDeviceType, image.ImageLocation));

        var instance = await t.LaunchAsync(image.ImageId);
        Assert.Equal((DeviceType.InstanceStore, "/dev/sda1"), (instance.RootDeviceType, instance.RootDeviceName));
        Assert.Equal(["/dev/sdb"], instance.BlockDeviceMappings.Select(b => b.DeviceName));
        t.Time.Advance(Transition);

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.StopInstancesAsync(new() { InstanceIds = [instance.InstanceId] }).AsTask());
        Assert.Equal(EbsErrorCodes.UnsupportedOperation, error.ErrorCode);
        Assert.Equal($"The instance '{instance.InstanceId}' does not have an 'ebs' root device type and cannot be stopped.", error.Message);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.StopInstancesAsync(new() { InstanceIds = [instance.InstanceId] }).AsTask(), EbsErrorCodes.UnsupportedOperation);
        await t.Ec2.RebootInstancesAsync(new() { InstanceIds = [instance.InstanceId] });
        Assert.Equal(InstanceStateName.Running, await t.Ec2.StateOfAsync(instance.InstanceId));

        await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [instance.InstanceId] });
        t.Time.Advance(Transition);
        Assert.Equal(InstanceStateName.Terminated, await t.Ec2.StateOfAsync(instance.InstanceId));
        var kept = await t.Ec2.DescribeVolumeAsync(instance.BlockDeviceMappings.Single().Ebs.VolumeId);
        Assert.Equal(VolumeState.Available, kept.State);
    }

    [Fact]
    public async Task RegisterImage_InstanceStoreRootMappedToEbs_InvalidBlockDeviceMapping()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = "store", ImageLocation = "b/m.xml", RootDeviceName = "/dev/sda1", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/sda1", snapshot.SnapshotId)] }).AsTask(),
            EbsErrorCodes.InvalidBlockDeviceMapping);
        Assert.Equal(DeviceType.InstanceStore, (await t.Ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest { Name = "bare", ImageLocation = "b/m.xml", RootDeviceName = "/dev/sda1", BlockDeviceMappings = [] })).RootDeviceType);
    }
}
