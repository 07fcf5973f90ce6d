using Ebs.Core.Domain;
using Ebs.Core.Tests.RecycleBin;
using static Ebs.Core.Tests.Archive.Archiving;

namespace Ebs.Core.Tests.Archive;

public sealed class ArchiveBillingTests
{
    [Fact]
    public async Task ArchivalCompletion_StandardDropsByTheBlocksNoOtherSnapshotNeedsAndArchiveHoldsTheFullSize()
    {
        await using var t = NewCloud();
        var (_, b, _) = await LineageAsync(t);
        Assert.Equal(7L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));

        await t.Ec2.ArchiveAsync(b.SnapshotId);
        t.Time.Advance(ArchiveTime - TimeSpan.FromTicks(1));
        Assert.Equal((7L * B, 0L), (await LevelAsync(t.Cloud, UsageType.SnapshotStorage), await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage)));
        t.Time.Advance(TimeSpan.FromTicks(1));

        // B's block 2 is C's no longer (C overwrote it) and A's never was: only it leaves the standard
        // tier; B's block 1 stays, now paid for by C. The archive holds all four of B's blocks.
        Assert.Equal(6L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
        var archive = Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.Equal((4L * B, t.Time.GetUtcNow(), b.SnapshotId.Value), (archive.LevelChange, archive.At, archive.ResourceId));
        Assert.Equal(t.Time.GetUtcNow(), (await UsageAsync(t.Cloud, UsageType.SnapshotStorage)).Last().At);
    }

    [Fact]
    public async Task DeleteSnapshot_ThirtyDaysAfterArchival_BillsTheRemainingSixtyDaysAtFullSize()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t, blocks: 5);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromDays(30));

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);

        var early = Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion));
        Assert.Equal((5L * B, TimeSpan.FromDays(60), t.Time.GetUtcNow()), (early.Quantity, early.Duration, early.At));
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
    }

    [Fact]
    public async Task DeleteSnapshot_PriceListWithAThirtyDayMinimum_BillsTheRestOfThirtyDays()
    {
        await using var t = new TestCloud(o =>
        {
            o.SnapshotArchiveTime = ArchiveTime;
            o.Prices = new PriceList { SnapshotArchiveMinimumPeriod = TimeSpan.FromDays(30) };
        });
        var snapshot = await CompletedSnapshotAsync(t, blocks: 2);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromDays(10));

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);

        Assert.Equal(TimeSpan.FromDays(20), Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion)).Duration);
    }

    [Fact]
    public async Task DeleteSnapshot_NinetyDaysAfterArchival_NoEarlyDeletion()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromDays(90));

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);

        Assert.Empty(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion));
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
    }

    [Fact]
    public async Task RestoreSnapshotTier_BillsRetrievalOfTheFullSizeWhenRequested()
    {
        await using var t = NewCloud();
        var (_, b, _) = await LineageAsync(t);
        await ArchiveAndWaitAsync(t, b.SnapshotId);

        await t.Ec2.RestoreTemporarilyAsync(b.SnapshotId, 1);

        var retrieval = Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveRetrieval));
        Assert.Equal((4L * B, t.Time.GetUtcNow()), (retrieval.Quantity, retrieval.At));
    }

    [Fact]
    public async Task TemporaryRestore_BillsTheStandardCopyAtFullSizeUntilExpiryWhileTheArchiveCopyStays()
    {
        await using var t = NewCloud();
        var (_, b, _) = await LineageAsync(t);
        await ArchiveAndWaitAsync(t, b.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(b.SnapshotId, 2);
        var completes = t.Time.GetUtcNow() + RestoreTime;

        t.Time.Advance(RestoreTime + TimeSpan.FromDays(3)); // past completion and expiry in one step

        var copy = (await UsageAsync(t.Cloud, UsageType.SnapshotStorage)).Where(e => e.ResourceId == b.SnapshotId.Value).TakeLast(2).ToList();
        Assert.Equal([(4L * B, completes), (-4L * B, completes + TimeSpan.FromDays(2))], copy.Select(e => (e.LevelChange, e.At)));
        Assert.Equal(6L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
        Assert.Equal(4L * B, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.Empty(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion));
    }

    [Fact]
    public async Task BinExit_AtTheInstantATemporaryRestoreExpires_PurgesTheSnapshotAndStopsBillingItsCopyOnce()
    {
        await using var t = NewCloud();
        await t.CreateRuleAsync(1);
        var snapshot = await CompletedSnapshotAsync(t, blocks: 4);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(snapshot.SnapshotId, 1);
        t.Time.Advance(RestoreTime);
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId); // at the completion instant: exit and expiry coincide a day later

        t.Time.Advance(TimeSpan.FromDays(1));

        Assert.Empty((await t.Ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots);
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task PermanentRestore_LeavesTheArchiveWithEarlyDeletionAndRejoinsTheStandardTier()
    {
        await using var t = NewCloud();
        var (_, b, _) = await LineageAsync(t);
        await ArchiveAndWaitAsync(t, b.SnapshotId);
        await t.Ec2.RestorePermanentlyAsync(b.SnapshotId);

        t.Time.Advance(RestoreTime);

        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.Equal(7L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
        var early = Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion));
        Assert.Equal((4L * B, TimeSpan.FromDays(90) - RestoreTime), (early.Quantity, early.Duration));
    }

    [Fact]
    public async Task PermanentRestoreOfATemporaryOne_EndsTheCopyAndTheArchiveAtOnce()
    {
        await using var t = NewCloud();
        var (_, b, _) = await LineageAsync(t);
        await ArchiveAndWaitAsync(t, b.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(b.SnapshotId, 5);
        t.Time.Advance(RestoreTime);
        Assert.Equal(10L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));

        await t.Ec2.RestorePermanentlyAsync(b.SnapshotId);

        Assert.Equal(7L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveRetrieval));
        Assert.Equal(TimeSpan.FromDays(90) - RestoreTime, Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion)).Duration);
    }

    [Fact]
    public async Task ArchivalsCompletingInOneCatchUp_EachBilledAtItsOwnInstant()
    {
        await using var t = NewCloud();
        var (_, b, c) = await LineageAsync(t);
        await t.Ec2.ArchiveAsync(b.SnapshotId);
        var first = t.Time.GetUtcNow() + ArchiveTime;
        t.Time.Advance(TimeSpan.FromHours(1));
        await t.Ec2.ArchiveAsync(c.SnapshotId);

        t.Time.Advance(TimeSpan.FromDays(2));

        var standard = (await UsageAsync(t.Cloud, UsageType.SnapshotStorage)).TakeLast(2).ToList();

        // B first frees its block 2; then C, the newest, gives back its two blocks over A.
        Assert.Equal([(b.SnapshotId.Value, -1L * B, first), (c.SnapshotId.Value, -2L * B, first + TimeSpan.FromHours(1))], standard.Select(e => (e.ResourceId, e.LevelChange, e.At)));
        Assert.Equal(4L * B, await LevelAsync(t.Cloud, UsageType.SnapshotStorage));
    }

    /// <summary>
    /// Three snapshots of one volume: A holds blocks 0–3; B changes blocks 1 and 2; C changes
    /// block 2 again. Standard tier: A 4 + B 2 + C 1 = 7 blocks.
    /// </summary>
    private static async Task<(Snapshot A, Snapshot B, Snapshot C)> LineageAsync(TestCloud t)
    {
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2, 3], seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, [1, 2], seedBase: 100);
        var b = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, [2], seedBase: 200);
        var c = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        return (a, b, c);
    }
}
