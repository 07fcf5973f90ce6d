using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Billing;

public sealed class StandardStorageLedgerTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task Ledger_EqualContentAtTwoOffsetsAndOnAnUnrelatedVolume_BillsEachWhileTheStoreHoldsItOnce()
    {
        await using var t = new TestCloud();
        var a = await t.CreateVolumeAsync();
        var b = await t.CreateVolumeAsync();
        var same = TestCloud.Block(7);
        await t.Ec2.WriteAtAsync(a.VolumeId, 0, same);
        await t.Ec2.WriteAtAsync(a.VolumeId, B, same);
        await t.Ec2.WriteAtAsync(b.VolumeId, 0, same);

        await t.Ec2.TakeSnapshotAsync(a.VolumeId);
        await t.Ec2.TakeSnapshotAsync(b.VolumeId);

        Assert.Equal(3L * B, StandardLevel(t));
        Assert.Equal(1, t.StoredChunks);
    }

    [Fact]
    public async Task Ledger_DeletingAlongALineage_MovesSharedBlocksToTheNextSnapshotAndFreesOnlyUniqueOnes()
    {
        await using var t = new TestCloud();
        var v = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(v.VolumeId, [0, 1], seedBase: 10);
        var first = await t.Ec2.TakeSnapshotAsync(v.VolumeId);
        await t.WriteBlocksAsync(v.VolumeId, [2], seedBase: 20);
        var second = await t.Ec2.TakeSnapshotAsync(v.VolumeId);
        Assert.Equal(3L * B, StandardLevel(t));

        await t.Ec2.DeleteSnapshotAsync(first.SnapshotId);
        Assert.Equal(3L * B, StandardLevel(t)); // the second now pays for blocks 0 and 1

        await t.WriteBlocksAsync(v.VolumeId, [0], seedBase: 30);
        var third = await t.Ec2.TakeSnapshotAsync(v.VolumeId);
        Assert.Equal(4L * B, StandardLevel(t));

        await t.Ec2.DeleteSnapshotAsync(second.SnapshotId);
        Assert.Equal(3L * B, StandardLevel(t)); // only the old block 0 was the second's alone
        await t.Ec2.DeleteSnapshotAsync(third.SnapshotId);
        Assert.Equal(0L, StandardLevel(t));
    }

    [Fact]
    public async Task Ledger_VolumeRestoredFromASnapshot_ContinuesItsLineage()
    {
        await using var t = new TestCloud();
        var v = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(v.VolumeId, [0, 1, 2], seedBase: 10);
        var source = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(v.VolumeId));
        var restored = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = source.SnapshotId })).Volume;
        await t.WriteBlocksAsync(restored.VolumeId, [1], seedBase: 40);

        await t.Ec2.TakeSnapshotAsync(restored.VolumeId);

        Assert.Equal(4L * B, StandardLevel(t));
    }

    private static long StandardLevel(TestCloud t)
        => t.Cloud.Engine.World.Table(RecordKinds.Usage).Values
            .Where(e => e.Type == UsageType.SnapshotStorage && e.AccountId == TestCloud.Account && e.Region == TestCloud.Region)
            .Sum(e => e.LevelChange);
}
