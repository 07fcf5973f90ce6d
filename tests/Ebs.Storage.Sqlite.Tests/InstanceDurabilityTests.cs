using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Core.Tests.Instances;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class InstanceDurabilityTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 1 };

    [Fact]
    public async Task Instance_StoreReopened_KeepsItsAttachmentsAndTerminatesOnScheduleWhileClosed()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        Instance launched;
        VolumeId extra;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var source = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(source, 0, TestCloud.Block(1));
            var snapshot = await ec2.TakeSnapshotAsync(source);
            time.Advance(TimeSpan.FromHours(1));
            await ec2.DeleteVolumeAsync(source);
            var image = (await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "durable", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] })).ImageId;
            launched = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single();
            extra = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            time.Advance(TimeSpan.FromMinutes(1));
            await ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = launched.InstanceId, VolumeId = extra });
            await ec2.WriteAtAsync(await ec2.VolumeAtAsync(launched.InstanceId, "/dev/xvda"), TestCloud.BlockSize, TestCloud.Block(2));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        VolumeId root;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var instance = await ec2.DescribeInstanceAsync(launched.InstanceId);
            Assert.Equal(InstanceStateName.Running, instance.State.Name);
            Assert.Equal(launched with { State = instance.State, BlockDeviceMappings = instance.BlockDeviceMappings }, instance);
            Assert.Equal(["/dev/sdf", "/dev/xvda"], instance.BlockDeviceMappings.Select(b => b.DeviceName));
            Assert.Equal(VolumeAttachmentState.Attached, instance.BlockDeviceMappings[0].Ebs.Status); // completed while closed
            root = instance.BlockDeviceMappings[1].Ebs.VolumeId;
            Assert.Equal(TestCloud.Block(2), await ReadBlockAsync(ec2, root, 1));
            await ec2.TerminateInstancesAsync(new() { InstanceIds = [launched.InstanceId] });
        }

        time.Advance(TimeSpan.FromHours(1));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(InstanceStateName.Terminated, await ec2.StateOfAsync(launched.InstanceId));
            Assert.Equal([extra], (await ec2.ListVolumesAsync()).Select(v => v.VolumeId));
            Assert.Equal(VolumeState.Available, (await ec2.DescribeVolumeAsync(extra)).State);
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
            Assert.Equal(1, report.StoredChunks); // the snapshot's block; the root volume's own block is freed
        }
    }

    private static async Task<byte[]> ReadBlockAsync(Ec2Client ec2, VolumeId volume, int block)
    {
        var buffer = new byte[TestCloud.BlockSize];
        await ec2.ReadAtAsync(volume, (long)block * TestCloud.BlockSize, buffer);
        return buffer;
    }
}
