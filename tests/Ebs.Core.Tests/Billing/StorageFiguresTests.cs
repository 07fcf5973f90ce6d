using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Billing;

/// <summary>The two storage figures, physical and billed, through the public API, and the billed one against the ledger.</summary>
public sealed class StorageFiguresTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task EqualContentAtTwoOffsets_BilledInFullWhileStoredOnce()
    {
        await using var t = new TestCloud();
        var v = await t.CreateVolumeAsync();
        var same = TestCloud.Block(7);
        await t.Ec2.WriteAtAsync(v.VolumeId, 0, same);
        await t.Ec2.WriteAtAsync(v.VolumeId, B, same);
        var start = t.Time.GetUtcNow();
        var snapshot = await t.Ec2.TakeSnapshotAsync(v.VolumeId);
        t.Time.Advance(TimeSpan.FromDays(30));

        var usage = await t.Ec2.GetStorageUsageAsync(new());
        var storage = await t.Ec2.GetSnapshotStorageAsync(new() { SnapshotId = snapshot.SnapshotId });
        var report = await t.Cloud.Account(TestCloud.Account).Billing().GetCostAndUsageAsync(new() { TimePeriod = new() { Start = start, End = t.Time.GetUtcNow() } });

        Assert.Equal(1L * B, usage.StoredSizeInBytes);
        Assert.Equal(2L * B, usage.BilledSizeInBytes);
        Assert.Equal(2L * B, storage.BilledSizeInBytes);
        var line = Assert.Single(Assert.Single(report.Regions).Lines);
        Assert.Equal(2m * B / (1L << 30), line.UsageQuantity); // two blocks for one 30-day month
        Assert.Equal(2m * B / (1L << 30) * 0.05m, report.Total);
    }

    [Fact]
    public async Task GetSnapshotStorage_Lineage_BilledFiguresBesideThePhysicalOnes()
    {
        await using var t = new TestCloud();
        var v = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(v.VolumeId, [0, 1], seedBase: 10);
        var first = await t.Ec2.TakeSnapshotAsync(v.VolumeId);
        await t.WriteBlocksAsync(v.VolumeId, [2], seedBase: 20);
        var second = await t.Ec2.TakeSnapshotAsync(v.VolumeId);

        var a = await t.Ec2.GetSnapshotStorageAsync(new() { SnapshotId = first.SnapshotId });
        var b = await t.Ec2.GetSnapshotStorageAsync(new() { SnapshotId = second.SnapshotId });

        Assert.Equal(2L * B, a.BilledSizeInBytes);
        Assert.Equal(0L, a.BilledExclusiveSizeInBytes); // its two blocks would be billed to the second instead
        Assert.Equal(0L, a.ExclusiveSizeInBytes);       // the second holds them too
        Assert.Equal(1L * B, b.BilledSizeInBytes);
        Assert.Equal(1L * B, b.BilledExclusiveSizeInBytes);
        Assert.Equal(0L, b.ExclusiveSizeInBytes);       // the volume still holds its blocks

        await t.Ec2.DeleteSnapshotAsync(new() { SnapshotId = first.SnapshotId });
        b = await t.Ec2.GetSnapshotStorageAsync(new() { SnapshotId = second.SnapshotId });
        Assert.Equal(3L * B, b.BilledSizeInBytes);
    }

    [Fact]
    public async Task GetStorageUsage_AfterASequenceOfCreatesDeletesAndCopies_BilledEqualsTheLedgerLevelInEachRegion()
    {
        const string Other = "eu-west-1";
        await using var t = new TestCloud();
        var other = t.Cloud.Account(TestCloud.Account).Ec2(Other);
        var random = new Random(20261201);
        var volumes = new List<VolumeId> { (await t.CreateVolumeAsync()).VolumeId, (await t.CreateVolumeAsync()).VolumeId };
        var snapshots = new List<SnapshotId>();
        for (var step = 0; step < 60; step++)
        {
            switch (random.Next(6))
            {
                case 0 or 1:
                    var volume = volumes[random.Next(volumes.Count)];
                    await t.WriteBlocksAsync(volume, Enumerable.Range(0, 8).Where(_ => random.Next(3) == 0), seedBase: random.Next(1000));
                    snapshots.Add((await t.Ec2.TakeSnapshotAsync(volume)).SnapshotId);
                    break;
                case 2 when snapshots.Count > 0:
                    var gone = snapshots[random.Next(snapshots.Count)];
                    snapshots.Remove(gone);
                    await t.Ec2.DeleteSnapshotAsync(new() { SnapshotId = gone });
                    break;
                case 3 when snapshots.Count > 0:
                    var source = await t.CompleteAsync(await t.Ec2.DescribeSnapshotAsync(snapshots[random.Next(snapshots.Count)]));
                    if (random.Next(2) == 0)
                    {
                        snapshots.Add((await t.Ec2.CopySnapshotHereAsync(TestCloud.Region, source.SnapshotId)).SnapshotId);
                    }
                    else
                    {
                        await other.CopySnapshotHereAsync(TestCloud.Region, source.SnapshotId);
                    }

                    break;
                case 4 when snapshots.Count > 0:
                    var from = await t.CompleteAsync(await t.Ec2.DescribeSnapshotAsync(snapshots[random.Next(snapshots.Count)]));
                    volumes.Add((await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1b", SnapshotId = from.SnapshotId })).Volume.VolumeId);
                    break;
                default:
                    await t.WriteBlocksAsync(volumes[random.Next(volumes.Count)], [random.Next(8)], seedBase: random.Next(1000));
                    break;
            }

            Assert.Equal(LedgerLevel(t, TestCloud.Region), (await t.Ec2.GetStorageUsageAsync(new())).BilledSizeInBytes);
            Assert.Equal(LedgerLevel(t, Other), (await other.GetStorageUsageAsync(new())).BilledSizeInBytes);
        }

        var usage = await t.Ec2.GetStorageUsageAsync(new());
        Assert.True(usage.StoredSizeInBytes <= usage.BilledSizeInBytes);
        Assert.True(usage.BilledSizeInBytes > 0);
    }

    private static long LedgerLevel(TestCloud t, string region)
        => t.Cloud.Engine.World.Table(RecordKinds.Usage).Values
            .Where(e => e.Type == UsageType.SnapshotStorage && e.AccountId == TestCloud.Account && e.Region == region)
            .Sum(e => e.LevelChange);
}
