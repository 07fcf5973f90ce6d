using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.PackageTests;

/// <summary>What a consumer of the packages does, through their public surface only.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CreateInMemory_VolumeSnapshotRestore_RestoredVolumeHoldsTheBytes()
    {
        var time = new FakeTimeProvider(Start);
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);

        var snapshot = await RoundTripAsync(cloud, time);

        Assert.Equal(SnapshotState.Completed, snapshot.State);
    }

    [Fact]
    public async Task AddEbs_WithContainerTimeProvider_CloudUsesIt()
    {
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddEbs(o => o.BlockSize = 4096);
        await using var provider = services.BuildServiceProvider();

        var cloud = provider.GetRequiredService<EbsCloud>();
        var snapshot = await RoundTripAsync(cloud, time);

        Assert.Same(time, cloud.TimeProvider);
        Assert.Equal(SnapshotState.Completed, snapshot.State);
    }

    [Fact]
    public async Task AddEbsLocalDirectory_SecondContainer_SeesTheFirstOnesSnapshot()
    {
        var folder = Directory.CreateTempSubdirectory("ebs-package-tests-");
        try
        {
            var time = new FakeTimeProvider(Start);
            Snapshot written;
            await using (var first = Container(folder.FullName, time))
            {
                written = await RoundTripAsync(first.GetRequiredService<EbsCloud>(), time);
            }

            await using var second = Container(folder.FullName, time);
            var ec2 = second.GetRequiredService<EbsCloud>().Account("111111111111").Ec2("us-east-1");
            var read = Assert.Single((await ec2.DescribeSnapshotsAsync(new() { SnapshotIds = [written.SnapshotId] })).Snapshots);

            Assert.Equal(written.SnapshotId, read.SnapshotId);
            Assert.Equal(SnapshotState.Completed, read.State);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EveryDescribe_SerializedAsAwsJson_RoundTripsEqual()
    {
        var time = new FakeTimeProvider(Start);
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var snapshot = await RoundTripAsync(cloud, time);
        await ec2.RegisterImageAsync(new()
        {
            Name = "golden",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshot.SnapshotId } }],
        });

        var volumes = await ec2.DescribeVolumesAsync(new());
        var snapshots = await ec2.DescribeSnapshotsAsync(new());
        var images = await ec2.DescribeImagesAsync(new());
        var volumesJson = System.Text.Json.JsonSerializer.Serialize(volumes);

        Assert.Contains("\"VolumeId\":\"vol-", volumesJson, StringComparison.Ordinal);
        Assert.Contains("\"State\":\"completed\"", System.Text.Json.JsonSerializer.Serialize(snapshots), StringComparison.Ordinal);
        Assert.Equal(volumes, System.Text.Json.JsonSerializer.Deserialize<DescribeVolumesResponse>(volumesJson));
        Assert.Equal(snapshots, System.Text.Json.JsonSerializer.Deserialize<DescribeSnapshotsResponse>(System.Text.Json.JsonSerializer.Serialize(snapshots)));
        Assert.Equal(images, System.Text.Json.JsonSerializer.Deserialize<DescribeImagesResponse>(System.Text.Json.JsonSerializer.Serialize(images)));
    }

    [Fact]
    public async Task Paginator_PagesOfFive_YieldsEveryVolumeOnce()
    {
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, new FakeTimeProvider(Start));
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        for (var i = 0; i < 12; i++)
        {
            await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 });
        }

        var pages = 0;
        await foreach (var page in ec2.Paginators.DescribeVolumes(new() { MaxResults = 5 }).Responses)
        {
            pages++;
            Assert.True(page.Volumes.Count <= 5);
        }

        var all = new List<VolumeId>();
        await foreach (var volume in ec2.Paginators.DescribeVolumes(new() { MaxResults = 5 }).Volumes)
        {
            all.Add(volume.VolumeId);
        }

        Assert.Equal(3, pages);
        Assert.Equal(12, all.Distinct().Count());
    }

    [Fact]
    public async Task Waiter_FakeClock_AdvancesToTheCompletionInsteadOfHanging()
    {
        var time = new FakeTimeProvider(Start);
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        await ec2.WriteVolumeAsync(new() { VolumeId = volume.VolumeId, Writes = [new(0, new byte[4096].Select(_ => (byte)1).ToArray())] });
        var snapshot = (await ec2.CreateSnapshotAsync(new() { VolumeId = volume.VolumeId })).Snapshot;

        var done = await ec2.Waiters.WaitUntilSnapshotCompletedAsync(new() { SnapshotIds = [snapshot.SnapshotId] }, new() { OnWaiting = time.SetUtcNow });

        Assert.Equal(SnapshotState.Completed, Assert.Single(done.Snapshots).State);
        Assert.True(time.GetUtcNow() > Start);
    }

    private static ServiceProvider Container(string path, TimeProvider time)
        => new ServiceCollection().AddSingleton(time).AddEbsLocalDirectory(path, o => o.BlockSize = 4096).BuildServiceProvider();

    private static async Task<Snapshot> RoundTripAsync(EbsCloud cloud, FakeTimeProvider time)
    {
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        var data = Enumerable.Range(0, 3 * 4096).Select(i => (byte)(i * 7)).ToArray();
        await using (var disk = ec2.OpenVolume(volume.VolumeId))
        {
            await disk.WriteAsync(data);
        }

        var snapshot = (await ec2.CreateSnapshotAsync(new() { VolumeId = volume.VolumeId, Description = "package test" })).Snapshot;
        time.Advance(TimeSpan.FromMinutes(10));
        snapshot = Assert.Single((await ec2.DescribeSnapshotsAsync(new() { SnapshotIds = [snapshot.SnapshotId] })).Snapshots);

        var restored = (await ec2.CreateVolumeAsync(new() { SnapshotId = snapshot.SnapshotId, AvailabilityZone = "us-east-1b" })).Volume;
        var back = new byte[data.Length];
        await ec2.ReadVolumeAsync(new() { VolumeId = restored.VolumeId, Offset = 0, Destination = back });
        Assert.Equal(data, back);
        return snapshot;
    }
}
