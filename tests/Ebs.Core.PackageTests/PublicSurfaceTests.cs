using Ebs.Core;
using Ebs.Core.Domain;
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
            var read = await ec2.DescribeSnapshotAsync(written.Id);

            Assert.Equal(written.Id, read.Id);
            Assert.Equal(SnapshotState.Completed, read.State);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider Container(string path, TimeProvider time)
        => new ServiceCollection().AddSingleton(time).AddEbsLocalDirectory(path, o => o.BlockSize = 4096).BuildServiceProvider();

    private static async Task<Snapshot> RoundTripAsync(EbsCloud cloud, FakeTimeProvider time)
    {
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SizeGiB = 1 });
        var data = Enumerable.Range(0, 3 * 4096).Select(i => (byte)(i * 7)).ToArray();
        await using (var disk = ec2.OpenVolume(volume.Id))
        {
            await disk.WriteAsync(data);
        }

        var snapshot = await ec2.CreateSnapshotAsync(volume.Id, "package test");
        time.Advance(TimeSpan.FromMinutes(10));
        snapshot = await ec2.DescribeSnapshotAsync(snapshot.Id);

        var restored = await ec2.CreateVolumeAsync(new() { SnapshotId = snapshot.Id, AvailabilityZone = "us-east-1b" });
        var back = new byte[data.Length];
        await ec2.ReadVolumeAsync(restored.Id, 0, back);
        Assert.Equal(data, back);
        return snapshot;
    }
}
