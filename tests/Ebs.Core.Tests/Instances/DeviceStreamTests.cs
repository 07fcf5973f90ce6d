using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Instances;

/// <summary>The guest's view: a running instance's device name opens the volume attached as it.</summary>
public sealed class DeviceStreamTests
{
    [Fact]
    public async Task Writes_through_a_running_instances_device_are_writes_to_the_attached_volume()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        var volume = await t.CreateVolumeAsync();
        t.Time.Advance(TimeSpan.FromSeconds(30));
        await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = id, VolumeId = volume.VolumeId });

        // Attaching: the guest does not see the device yet.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Task.FromResult(t.Ec2.OpenVolume(id, "/dev/sdf")), EbsErrorCodes.InvalidParameterValue);
        t.Time.Advance(TimeSpan.FromSeconds(5));
        await t.Cloud.ApplyDueWorkAsync();

        await using (var device = t.Ec2.OpenVolume(id, "/dev/sdf"))
        {
            Assert.Equal(volume.Size * (1L << 30), device.Length);
            device.Position = 2 * TestCloud.BlockSize;
            await device.WriteAsync(TestCloud.Block(7));
        }

        Assert.Equal(TestCloud.Block(7), await t.ReadAsync(volume.VolumeId, 2 * TestCloud.BlockSize, TestCloud.BlockSize));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Task.FromResult(t.Ec2.OpenVolume(id, "/dev/sdz")), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Task.FromResult(t.Ec2.OpenVolume(InstanceId.Parse("i-0123456789abcdef0"), "/dev/sdf")), EbsErrorCodes.InvalidInstanceIdNotFound);

        await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Task.FromResult(t.Ec2.OpenVolume(id, "/dev/sdf")), EbsErrorCodes.IncorrectInstanceState);
    }
}
