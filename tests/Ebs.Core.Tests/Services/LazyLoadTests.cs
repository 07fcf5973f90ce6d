using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class LazyLoadTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task WriteVolume_BlocksTheSourceNeverHeld_CountNothingTowardInitialization()
    {
        await using var t = new TestCloud();
        var restored = await RestoreAsync(t, sourceBlocks: 4);

        await t.WriteBlocksAsync(restored.VolumeId, Enumerable.Range(100, 20), seedBase: 0);
        await t.Ec2.WriteAtAsync(restored.VolumeId, (200 * B) + 10, new byte[100]);

        var progress = (await t.Ec2.DescribeVolumeAsync(restored.VolumeId)).Initialization!;
        Assert.Equal(new VolumeInitialization(4, 0, 0), progress);
        Assert.False(progress.IsComplete);
        Assert.Equal(0, progress.Percent);
    }

    [Fact]
    public async Task WriteVolume_WholeSourceBlockOverwritten_CountsAsLoadedWithoutAColdRead()
    {
        await using var t = new TestCloud();
        var restored = await RestoreAsync(t, sourceBlocks: 4);

        await t.WriteBlocksAsync(restored.VolumeId, [1, 2, 50], seedBase: 700);

        Assert.Equal(new VolumeInitialization(4, 2, 0), (await t.Ec2.DescribeVolumeAsync(restored.VolumeId)).Initialization);
    }

    [Fact]
    public async Task ReadVolume_AfterWritesOutsideTheSource_CompleteOnlyOnceEverySourceBlockIsReadAndNeverAbove100()
    {
        await using var t = new TestCloud();
        var restored = await RestoreAsync(t, sourceBlocks: 4);
        await t.WriteBlocksAsync(restored.VolumeId, Enumerable.Range(10, 8), seedBase: 0);
        await t.Ec2.WriteAtAsync(restored.VolumeId, (3 * B) + 1, new byte[10]); // a partial write reads the block first

        var seen = new List<VolumeInitialization>();
        for (var block = 0; block < 20; block++)
        {
            await t.ReadAsync(restored.VolumeId, (long)block * B, B);
            seen.Add((await t.Ec2.DescribeVolumeAsync(restored.VolumeId)).Initialization!);
        }

        Assert.All(seen, p => Assert.InRange(p.Percent, 0, 100));
        Assert.All(seen, p => Assert.InRange(p.InitializedBlocks, 0, p.TotalBlocks));
        Assert.Equal([false, false, true], seen.Take(3).Select(p => p.IsComplete));
        Assert.Equal(new VolumeInitialization(4, 4, 4), seen[^1]);
    }

    /// <summary>Creates a 2-GiB volume from a snapshot holding blocks 0 to <paramref name="sourceBlocks"/> - 1.</summary>
    private static async Task<Volume> RestoreAsync(TestCloud t, int sourceBlocks)
    {
        var source = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(source.VolumeId, Enumerable.Range(0, sourceBlocks), seedBase: 0);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(source.VolumeId));
        return (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId, Size = 2 })).Volume;
    }
}
