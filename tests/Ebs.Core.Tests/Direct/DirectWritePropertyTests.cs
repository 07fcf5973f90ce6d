using Ebs.Core.Services;
using Ebs.Core.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Direct;

public sealed class DirectWritePropertyTests
{
    private const int Blocks = 32;

    [Fact]
    public void RandomWrites_ThroughEc2AndThroughDirectApis_IdenticalSnapshots()
    {
        // Whole-block writes only: the direct APIs put blocks.
        var writes = Generators.AlignedWrites(TestCloud.BlockSize, Blocks).Where(w => w.Length == TestCloud.BlockSize).ListOf();
        Prop.ForAll(writes.ToArbitrary(), w => CheckAsync([.. w.Select(x => ((int)(x.Offset / TestCloud.BlockSize), x.Seed))]).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(1, ModelBasedTests.Runs / 4)));
    }

    private static async Task CheckAsync((int Index, int Seed)[] writes)
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        var direct = t.Direct();
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });
        foreach (var (index, seed) in writes)
        {
            await t.Ec2.WriteAtAsync(volume, (long)index * TestCloud.BlockSize, TestCloud.Block(seed));
            await direct.PutAsync(started.SnapshotId, index, TestCloud.Block(seed));
        }

        var ec2 = (await t.Ec2.TakeSnapshotAsync(volume)).SnapshotId;
        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = started.SnapshotId, ChangedBlocksCount = writes.Select(w => w.Index).Distinct().Count() });
        t.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(await direct.BlockIndexesAsync(ec2), await direct.BlockIndexesAsync(started.SnapshotId));
        Assert.Equal(await t.ReadThroughVolumeAsync(t.Ec2, ec2, Blocks), await t.ReadThroughVolumeAsync(t.Ec2, started.SnapshotId, Blocks));
    }
}
