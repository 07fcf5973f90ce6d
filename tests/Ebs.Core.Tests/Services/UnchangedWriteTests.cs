namespace Ebs.Core.Tests.Services;

/// <summary>A block written with what it already holds is not a change: the next snapshot neither counts nor copies it.</summary>
public sealed class UnchangedWriteTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task CreateSnapshot_AfterRewritingSameBytes_CopiesNothing()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], seedBase: 10);
        await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], seedBase: 10);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 7 * B, new byte[B]);
        var second = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(0, second.IncrementalSizeInBytes);
        Assert.Equal(3L * B, second.FullSnapshotSizeInBytes);
    }

    [Fact]
    public async Task CreateSnapshot_BlockChangedThenChangedBack_CopiesNothing()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [4], seedBase: 10);
        await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        await t.WriteBlocksAsync(volume.VolumeId, [4, 5], seedBase: 20);
        await t.WriteBlocksAsync(volume.VolumeId, [4], seedBase: 10);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 5 * B, new byte[B]);
        var second = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(0, second.IncrementalSizeInBytes);
        Assert.Equal(TestCloud.Block(14), await t.ReadAsync(volume.VolumeId, 4 * B, B));
        Assert.Equal(new byte[B], await t.ReadAsync(volume.VolumeId, 5 * B, B));
        Assert.Equal(1, t.StoredChunks);
    }

    [Fact]
    public async Task CreateSnapshot_ZerosOverData_CopiesTheZeroedBlock()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [2, 3], seedBase: 10);
        await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        await t.Ec2.WriteAtAsync(volume.VolumeId, 2 * B, new byte[B]);
        var second = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(1L * B, second.IncrementalSizeInBytes);
        Assert.Equal(new byte[B], await t.ReadAsync(volume.VolumeId, 2 * B, B));
    }

    [Fact]
    public async Task WriteVolume_PartOfBlockWithSameBytes_NotAChange()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [1], seedBase: 10);
        await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        await t.Ec2.WriteAtAsync(volume.VolumeId, B + 100, TestCloud.Block(11).AsMemory(100, 200));
        await t.Ec2.WriteAtAsync(volume.VolumeId, (5 * B) + 10, new byte[50]);
        var second = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(0, second.IncrementalSizeInBytes);
    }
}
