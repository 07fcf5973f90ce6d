using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Reference counts are derived when first needed, not when a store opens.</summary>
public sealed class LazyCountTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 1 };

    [Fact]
    public async Task OpenAsync_ReadOnlyCalls_NeverCountReferences()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var (volume, snapshot) = await SeedAsync(dir.Path, time);

        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options, time);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        await ec2.DescribeVolumesAsync(new DescribeVolumesRequest());
        await ec2.DescribeSnapshotAsync(snapshot);
        var bytes = new byte[B];
        await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = B, Destination = bytes });

        Assert.False(cloud.Engine.Graph.IsCounted);
        Assert.Equal(TestCloud.Block(2), bytes);
    }

    [Fact]
    public async Task OpenAsync_FirstWriteAfterOpen_CountsAsARecountWouldAndFreesOnlyWhatNothingUses()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var (volume, snapshot) = await SeedAsync(dir.Path, time);

        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options, time);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot }); // its blocks are still the volume's
        var report = await cloud.ScrubAsync(verifyContents: true);

        Assert.True(cloud.Engine.Graph.IsCounted);
        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(3, report.StoredChunks); // blocks 1 and 2 in the volume's base, block 3 written since
        var bytes = new byte[3 * B];
        await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = 0, Destination = bytes });
        Assert.Equal([.. TestCloud.Block(1), .. TestCloud.Block(2), .. TestCloud.Block(3)], bytes);
    }

    [Fact]
    public async Task DiscardAsync_BeforeAnyCommitAfterOpen_DeletesNoChunkInUse()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await SeedAsync(dir.Path, time);
        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options, time);
        var stored = new List<Core.Chunks.ChunkId>();
        await foreach (var id in cloud.Engine.Chunks.EnumerateAsync())
        {
            stored.Add(id);
        }

        await cloud.Engine.DiscardAsync(stored); // what a failed import does with the chunks it stored

        var report = await cloud.ScrubAsync(verifyContents: true);
        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(3, report.StoredChunks);
    }

    /// <summary>A volume holding blocks 1 and 2 in a snapshot and block 3 written since.</summary>
    private static async Task<(Core.Domain.VolumeId, Core.Domain.SnapshotId)> SeedAsync(string path, FakeTimeProvider time)
    {
        await using var cloud = await LocalDirectory.OpenAsync(path, Options, time);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
        await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
        await ec2.WriteAtAsync(volume, B, TestCloud.Block(2));
        var snapshot = (await ec2.TakeSnapshotAsync(volume, "seed")).SnapshotId;
        await ec2.WriteAtAsync(volume, 2 * B, TestCloud.Block(3));
        time.Advance(TimeSpan.FromHours(1));
        await ec2.DescribeSnapshotAsync(snapshot); // completes it before closing, so opening has nothing due
        return (volume, snapshot);
    }
}
