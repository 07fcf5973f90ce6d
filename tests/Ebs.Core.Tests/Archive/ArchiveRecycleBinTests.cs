using Ebs.Core.Domain;
using Ebs.Core.Tests.RecycleBin;
using static Ebs.Core.Tests.Archive.Archiving;

namespace Ebs.Core.Tests.Archive;

public sealed class ArchiveRecycleBinTests
{
    [Fact]
    public async Task DeleteSnapshot_ArchivedAndRetainedByARule_StaysArchivedInTheBinAndIsChargedOnlyAtExpiry()
    {
        await using var t = NewCloud();
        await t.CreateRuleAsync(7);
        var snapshot = await CompletedSnapshotAsync(t, blocks: 5);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        var archivedAt = t.Time.GetUtcNow();
        t.Time.Advance(TimeSpan.FromDays(10));

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        var whileBinned = await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion);
        var archiveLevelWhileBinned = await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage);
        t.Time.Advance(TimeSpan.FromDays(7));

        Assert.Empty(whileBinned);
        Assert.Equal(5L * B, archiveLevelWhileBinned);
        var early = Assert.Single(await UsageAsync(t.Cloud, UsageType.SnapshotArchiveEarlyDeletion));
        Assert.Equal((5L * B, TimeSpan.FromDays(73), archivedAt.AddDays(17)), (early.Quantity, early.Duration, early.At));
        Assert.Equal(0L, await LevelAsync(t.Cloud, UsageType.SnapshotArchiveStorage));
        Assert.Empty((await t.Ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots);
    }
}
