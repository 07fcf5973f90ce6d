using System.Security.Cryptography;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class CreateImageScenarioTests
{
    private const long B = TestCloud.BlockSize;

    [Fact]
    public async Task CreateImage_GoldenImage_FiveLaunchesByteIdenticalAndStorageGrowsOnlyByTheInstalledBytes()
    {
        await using var t = new TestCloud();
        var baseImage = await t.RegisterImageAsync("base");
        var builder = await RunningAsync(t, baseImage);
        var root = await t.Ec2.VolumeAtAsync(builder, InstanceShorthands.Root);
        var storedBefore = (await t.Ec2.GetStorageUsageAsync(new())).StoredSizeInBytes;
        var chunksBefore = t.StoredChunks;

        // "Install": three new blocks, one overwritten, through the root device.
        await t.WriteBlocksAsync(root, [3, 10, 11, 12], seedBase: 300);
        var golden = await HashAsync(t, root);
        var goldenImage = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = builder, Name = "golden v1", Description = "web tier" })).ImageId;

        var pending = await t.Ec2.DescribeImageAsync(goldenImage);
        Assert.Equal(ImageState.Pending, pending.State);
        Assert.Equal(InstanceShorthands.Root, pending.RootDeviceName);
        Assert.Equal([(InstanceShorthands.Data, 2, false), (InstanceShorthands.Root, 1, true)], pending.BlockDeviceMappings.Select(m => (m.DeviceName, m.Ebs.VolumeSize!.Value, m.Ebs.DeleteOnTermination)));
        foreach (var mapping in pending.BlockDeviceMappings)
        {
            var snapshot = await t.Ec2.DescribeSnapshotAsync(mapping.Ebs.SnapshotId);
            var volume = await t.Ec2.VolumeAtAsync(builder, mapping.DeviceName);
            Assert.Equal($"Created by CreateImage({builder}) for {goldenImage} from {volume}", snapshot.Description);
            Assert.Equal(volume, snapshot.VolumeId);
        }

        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ImageState.Available, (await t.Ec2.DescribeImageAsync(goldenImage)).State);
        var fleet = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = goldenImage, MinCount = 5, MaxCount = 5 })).Reservation.Instances;

        Assert.Equal(5, fleet.Count);
        foreach (var instance in fleet)
        {
            Assert.Equal(golden, await HashAsync(t, await t.Ec2.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root)));
        }

        // Three new blocks and one rewritten: four blocks stored once, whatever the fleet's size.
        Assert.Equal(storedBefore + (4 * B), (await t.Ec2.GetStorageUsageAsync(new())).StoredSizeInBytes);
        Assert.Equal(chunksBefore + 4, t.StoredChunks);
    }

    [Fact]
    public async Task CreateImage_BlueGreenRollBack_DeregisteringKeepsSnapshotsThenDeletingThemFreesExactlyTheirUniqueBytes()
    {
        await using var t = new TestCloud();
        var builder = await RunningAsync(t, await t.RegisterImageAsync("base"));
        var root = await t.Ec2.VolumeAtAsync(builder, InstanceShorthands.Root);
        await t.WriteBlocksAsync(root, [10, 11, 12], seedBase: 400);
        var blue = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = builder, Name = "app v1", NoReboot = true })).ImageId;
        await t.WriteBlocksAsync(root, [12, 20], seedBase: 500);
        var green = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = builder, Name = "app v2", NoReboot = true })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));
        var blueFleet = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = blue, MinCount = 2, MaxCount = 2 })).Reservation.Instances;
        var greenFleet = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = green, MinCount = 2, MaxCount = 2 })).Reservation.Instances;
        var blueBytes = await HashAsync(t, await t.Ec2.VolumeAtAsync(blueFleet[0].InstanceId, InstanceShorthands.Root));

        // Roll back: the green fleet and the builder go; the blue fleet stays.
        await t.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. greenFleet.Select(i => i.InstanceId), builder] });
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var greenSnapshots = (await t.Ec2.DescribeImageAsync(green)).BlockDeviceMappings.Select(m => m.Ebs.SnapshotId).ToList();
        var exclusive = 0L;
        var billedExclusive = 0L;
        foreach (var snapshot in greenSnapshots)
        {
            var figures = await t.Ec2.GetSnapshotStorageAsync(snapshot);
            exclusive += figures.ExclusiveSizeInBytes;
            billedExclusive += figures.BilledExclusiveSizeInBytes;
        }

        // v2 rewrote block 12 and added block 20; its data snapshot copied nothing new.
        Assert.Equal(2 * B, exclusive);
        Assert.Equal(2 * B, billedExclusive);
        var before = await t.Ec2.GetStorageUsageAsync(new());

        await t.Ec2.DeregisterImageAsync(green);
        var deregistered = await t.Ec2.GetStorageUsageAsync(new());
        Assert.Equal((before.SnapshotCount, before.StoredSizeInBytes, before.BilledSizeInBytes), (deregistered.SnapshotCount, deregistered.StoredSizeInBytes, deregistered.BilledSizeInBytes));

        foreach (var snapshot in greenSnapshots)
        {
            await t.Ec2.DeleteSnapshotAsync(snapshot);
        }

        var after = await t.Ec2.GetStorageUsageAsync(new());
        Assert.Equal(before.StoredSizeInBytes - exclusive, after.StoredSizeInBytes);
        Assert.Equal(before.BilledSizeInBytes - billedExclusive, after.BilledSizeInBytes);
        Assert.Equal(ImageState.Available, (await t.Ec2.DescribeImageAsync(blue)).State);
        Assert.Equal(blueBytes, await HashAsync(t, await t.Ec2.VolumeAtAsync(blueFleet[1].InstanceId, InstanceShorthands.Root)));
    }

    [Fact]
    public async Task CreateImage_InstanceToImageToInstance_EveryByteOfEveryVolumeCarriesOver()
    {
        await using var t = new TestCloud();
        var first = await RunningAsync(t, await t.RegisterImageAsync("base"));
        await t.WriteBlocksAsync(await t.Ec2.VolumeAtAsync(first, InstanceShorthands.Data), [0, 300], seedBase: 600);
        var image = (await t.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = first, Name = "copy" })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));

        var second = await RunningAsync(t, image);

        foreach (var device in new[] { InstanceShorthands.Root, InstanceShorthands.Data })
        {
            Assert.Equal(await HashAsync(t, await t.Ec2.VolumeAtAsync(first, device)), await HashAsync(t, await t.Ec2.VolumeAtAsync(second, device)));
        }
    }

    [Fact]
    public async Task CreateImage_MappingOverrides_DeleteOnTerminationGoesIntoTheImage()
    {
        await using var t = new TestCloud();
        var instance = await RunningAsync(t, await t.RegisterImageAsync("base"));

        var image = (await t.Ec2.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = instance,
            Name = "bigger",
            NoReboot = true,
            BlockDeviceMappings = [new LaunchBlockDeviceMapping { DeviceName = InstanceShorthands.Root, Ebs = new LaunchEbsBlockDevice { VolumeSize = 1, DeleteOnTermination = false } }],
            TagSpecifications = [.. Ec2Shorthands.Tags(ResourceType.Image, new Dictionary<string, string> { ["tier"] = "web" }), .. Ec2Shorthands.Tags(ResourceType.Snapshot, new Dictionary<string, string> { ["by"] = "ci" })],
        })).ImageId;

        var described = await t.Ec2.DescribeImageAsync(image);
        Assert.Equal([(InstanceShorthands.Data, 2, false), (InstanceShorthands.Root, 1, false)], described.BlockDeviceMappings.Select(m => (m.DeviceName, m.Ebs.VolumeSize!.Value, m.Ebs.DeleteOnTermination)));
        Assert.Equal("web", described.Tags["tier"]);
        foreach (var mapping in described.BlockDeviceMappings)
        {
            Assert.Equal("ci", (await t.Ec2.DescribeSnapshotAsync(mapping.Ebs.SnapshotId)).Tags["by"]);
        }
    }

    /// <summary>Launches one instance of <paramref name="image"/> and waits until it runs.</summary>
    internal static async Task<InstanceId> RunningAsync(TestCloud t, ImageId image)
    {
        var instance = await t.LaunchAsync(image);
        t.Time.Advance(TimeSpan.FromSeconds(30)); // pending, then running
        return instance.InstanceId;
    }

    /// <summary>A SHA-256 of every byte of the volume, read in 16-MiB pieces.</summary>
    internal static async Task<string> HashAsync(TestCloud t, VolumeId volume)
    {
        var size = (long)(await t.Ec2.DescribeVolumeAsync(volume)).Size << 30;
        var buffer = new byte[16 << 20];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var offset = 0L; offset < size; offset += buffer.Length)
        {
            await t.Ec2.ReadAtAsync(volume, offset, buffer);
            hash.AppendData(buffer);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
