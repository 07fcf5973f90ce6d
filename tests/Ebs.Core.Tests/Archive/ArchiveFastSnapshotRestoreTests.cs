using Ebs.Core.Domain;
using Ebs.Core.Tests.FastSnapshotRestore;

namespace Ebs.Core.Tests.Archive;

public sealed class ArchiveFastSnapshotRestoreTests
{
    [Fact]
    public async Task ModifySnapshotTier_FastSnapshotRestoreEnabled_DisablesItInEveryZone()
    {
        await using var t = Archiving.NewCloud();
        var snapshot = await Archiving.CompletedSnapshotAsync(t);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a", "us-east-1b");
        t.Time.Advance(TimeSpan.FromHours(2));

        await t.Ec2.ArchiveAsync(snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromMinutes(1));

        foreach (var zone in new[] { "us-east-1a", "us-east-1b" })
        {
            var fsr = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, zone);
            Assert.Equal(FastSnapshotRestoreStateCode.Disabled, fsr.State);
            Assert.Equal(FastSnapshotRestoreRecord.SnapshotUnusable, fsr.StateTransitionReason);
        }
    }

    [Fact]
    public async Task EnableFastSnapshotRestores_ArchivedOrArchiving_UnsuccessfulIncorrectStateAndNothingChanges()
    {
        await using var t = Archiving.NewCloud();
        var archiving = await Archiving.CompletedSnapshotAsync(t, seedBase: 10);
        var archived = await Archiving.CompletedSnapshotAsync(t, seedBase: 20);
        await Archiving.ArchiveAndWaitAsync(t, archived.SnapshotId);
        await t.Ec2.ArchiveAsync(archiving.SnapshotId);

        foreach (var id in new[] { archiving.SnapshotId, archived.SnapshotId })
        {
            var before = await StateFingerprint.TakeAsync(t.Cloud);
            var response = await t.Ec2.EnableAsync(id, "us-east-1a");

            Assert.Empty(response.Successful);
            Assert.Equal(EbsErrorCodes.IncorrectState, Assert.Single(Assert.Single(response.Unsuccessful).FastSnapshotRestoreStateErrors).Error.Code);
            Assert.Equal(before, await StateFingerprint.TakeAsync(t.Cloud));
        }
    }
}
