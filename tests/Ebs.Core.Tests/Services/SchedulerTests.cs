using Ebs.Core.Domain;
using Ebs.Core.Storage;
using Ebs.Core.Tests.RecycleBin;

namespace Ebs.Core.Tests.Services;

public sealed class SchedulerTests
{
    [Fact]
    public async Task AnyCall_AfterTheClockPassedSeveralDueInstants_AppliesEachInOrderAtItsOwnInstant()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(1);
        var t0 = t.Time.GetUtcNow();
        var deleted = new List<SnapshotId>();
        for (var i = 0; i < 3; i++)
        {
            var snapshot = await SnapshotRetentionTests.LoneSnapshotAsync(t, blocks: 1 + i);
            await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
            deleted.Add(snapshot.SnapshotId);
            t.Time.Advance(TimeSpan.FromHours(1));
        }

        t.Time.Advance(TimeSpan.FromDays(30));
        await t.Ec2.ListVolumesAsync();

        var freed = t.Cloud.Engine.World.Table(RecordKinds.Usage).Values.Where(e => e.LevelChange < 0).ToList();
        Assert.Equal(deleted.Select(id => id.Value), freed.Select(e => e.ResourceId));
        Assert.Equal([t0.AddDays(1), t0.AddDays(1).AddHours(1), t0.AddDays(1).AddHours(2)], freed.Select(e => e.At));
        Assert.Equal([-1L * TestCloud.BlockSize, -2L * TestCloud.BlockSize, -3L * TestCloud.BlockSize], freed.Select(e => e.LevelChange));
        Assert.Empty(t.Cloud.Engine.World.Table(RecordKinds.Due));
        Assert.Equal(0, t.StoredChunks);
    }

    [Fact]
    public async Task NothingDue_ReadsDoNotCommit()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(1);
        var snapshot = await SnapshotRetentionTests.LoneSnapshotAsync(t, blocks: 1);
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        var world = t.Cloud.Engine.World;

        t.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1));
        await t.Ec2.ListSnapshotsInRecycleBinAsync(new());

        Assert.Same(world, t.Cloud.Engine.World);
    }
}
