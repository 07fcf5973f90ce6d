using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using static Ebs.Core.Tests.Archive.Archiving;

namespace Ebs.Core.Tests.Archive;

public sealed class ArchiveLifecycleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task ModifySnapshotTier_Completed_ArchivingUntilExactlyItsInstantThenArchived()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t);
        var start = t.Time.GetUtcNow();

        var response = await t.Ec2.ArchiveAsync(snapshot.SnapshotId);

        Assert.Equal((snapshot.SnapshotId, start), (response.SnapshotId, response.TieringStartTime));
        t.Time.Advance(ArchiveTime - Tick);
        var during = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.ArchivalInProgress, StorageTier.Standard, 99, start), (during.LastTieringOperationStatus, during.StorageTier, during.LastTieringProgress, during.LastTieringStartTime));
        Assert.Null(during.ArchivalCompleteTime);
        Assert.Equal(4 * B, (await ReadBackAsync(t, snapshot.SnapshotId, 4)).Length); // still usable while archiving

        t.Time.Advance(Tick);
        var archived = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.ArchivalCompleted, StorageTier.Archive, 100, start + ArchiveTime), (archived.LastTieringOperationStatus, archived.StorageTier, archived.LastTieringProgress, archived.ArchivalCompleteTime));
        var described = await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId);
        Assert.Equal((StorageTier.Archive, SnapshotState.Completed, (DateTimeOffset?)null), (described.StorageTier, described.State, described.RestoreExpiryTime));
    }

    [Fact]
    public async Task RestoreSnapshotTier_Permanent_StandardAgainAtItsInstantWithIdenticalBytes()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t, blocks: 6, seedBase: 300);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        var requested = t.Time.GetUtcNow();

        var response = await t.Ec2.RestorePermanentlyAsync(snapshot.SnapshotId);

        Assert.Equal((true, (int?)null, requested), (response.IsPermanentRestore, response.RestoreDuration, response.RestoreStartTime));
        t.Time.Advance(RestoreTime - Tick);
        var during = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.PermanentRestoreInProgress, StorageTier.Archive, 99), (during.LastTieringOperationStatus, during.StorageTier, during.LastTieringProgress));

        t.Time.Advance(Tick);
        var restored = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.PermanentRestoreCompleted, StorageTier.Standard, requested, (DateTimeOffset?)null), (restored.LastTieringOperationStatus, restored.StorageTier, restored.LastTieringStartTime, restored.RestoreExpiryTime));
        Assert.Equal(Written(6, 300), await ReadBackAsync(t, snapshot.SnapshotId, 6));

        // Back for good: it can be archived again.
        await t.Ec2.ArchiveAsync(snapshot.SnapshotId);
        Assert.Equal(TieringOperationStatus.ArchivalInProgress, (await t.Ec2.TierStatusAsync(snapshot.SnapshotId)).LastTieringOperationStatus);
    }

    [Fact]
    public async Task RestoreSnapshotTier_Temporary_UsableFromCompletionUntilExpiryThenArchivedAgain()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t, blocks: 5, seedBase: 500);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        var completes = t.Time.GetUtcNow() + RestoreTime;

        var response = await t.Ec2.RestoreTemporarilyAsync(snapshot.SnapshotId, 2);

        Assert.Equal((false, (int?)2), (response.IsPermanentRestore, response.RestoreDuration));
        var during = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.TemporaryRestoreInProgress, StorageTier.Archive, completes + TimeSpan.FromDays(2)), (during.LastTieringOperationStatus, during.StorageTier, during.RestoreExpiryTime));
        await AssertRefusedAsync(t, snapshot.SnapshotId);

        t.Time.SetUtcNow(completes);
        var restored = await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId);
        Assert.Equal((StorageTier.Standard, completes + TimeSpan.FromDays(2)), (restored.StorageTier, restored.RestoreExpiryTime));
        Assert.Equal(TieringOperationStatus.TemporaryRestoreCompleted, (await t.Ec2.TierStatusAsync(snapshot.SnapshotId)).LastTieringOperationStatus);
        Assert.Equal(Written(5, 500), await ReadBackAsync(t, snapshot.SnapshotId, 5));

        t.Time.SetUtcNow(completes + TimeSpan.FromDays(2) - Tick);
        Assert.Equal(StorageTier.Standard, (await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).StorageTier);
        t.Time.Advance(Tick);
        var expired = await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId);
        Assert.Equal((StorageTier.Archive, (DateTimeOffset?)null), (expired.StorageTier, expired.RestoreExpiryTime));
        await AssertRefusedAsync(t, snapshot.SnapshotId);

        // Archived only again: it can be restored again.
        await t.Ec2.RestoreTemporarilyAsync(snapshot.SnapshotId, 1);
        Assert.Equal(TieringOperationStatus.TemporaryRestoreInProgress, (await t.Ec2.TierStatusAsync(snapshot.SnapshotId)).LastTieringOperationStatus);
    }

    [Fact]
    public async Task RestoreSnapshotTier_NoDays_RestoresForOneDay()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);

        var response = await t.Ec2.RestoreSnapshotTierAsync(new RestoreSnapshotTierRequest { SnapshotId = snapshot.SnapshotId });

        Assert.Equal((false, (int?)1), (response.IsPermanentRestore, response.RestoreDuration));
        Assert.Equal(t.Time.GetUtcNow() + RestoreTime + TimeSpan.FromDays(1), (await t.Ec2.TierStatusAsync(snapshot.SnapshotId)).RestoreExpiryTime);
    }

    [Fact]
    public async Task RestoreSnapshotTier_AgainWhileTemporarilyRestored_SetsTheNewPeriodFromNow()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(snapshot.SnapshotId, 10);
        t.Time.Advance(RestoreTime + TimeSpan.FromDays(1));
        var changedAt = t.Time.GetUtcNow();

        var response = await t.Ec2.RestoreTemporarilyAsync(snapshot.SnapshotId, 3);

        Assert.Equal((changedAt, (int?)3), (response.RestoreStartTime, response.RestoreDuration));
        var status = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.TemporaryRestoreCompleted, changedAt + TimeSpan.FromDays(3)), (status.LastTieringOperationStatus, status.RestoreExpiryTime));
        Assert.Single(t.Cloud.Engine.World.Table(RecordKinds.Due).Values, e => e.Effect == SnapshotTiering.TemporaryRestoreExpires);
        t.Time.SetUtcNow(changedAt + TimeSpan.FromDays(3) - Tick);
        Assert.Equal(StorageTier.Standard, (await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).StorageTier);
        t.Time.Advance(Tick);
        Assert.Equal(StorageTier.Archive, (await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).StorageTier);
    }

    [Fact]
    public async Task RestoreSnapshotTier_PermanentWhileTemporarilyRestored_StandardAtOnce()
    {
        await using var t = NewCloud();
        var snapshot = await CompletedSnapshotAsync(t, blocks: 3, seedBase: 70);
        await ArchiveAndWaitAsync(t, snapshot.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(snapshot.SnapshotId, 5);
        t.Time.Advance(RestoreTime);

        await t.Ec2.RestorePermanentlyAsync(snapshot.SnapshotId);

        var status = await t.Ec2.TierStatusAsync(snapshot.SnapshotId);
        Assert.Equal((TieringOperationStatus.PermanentRestoreCompleted, StorageTier.Standard, (DateTimeOffset?)null), (status.LastTieringOperationStatus, status.StorageTier, status.RestoreExpiryTime));
        Assert.Empty(t.Cloud.Engine.World.Table(RecordKinds.Due));
        t.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(Written(3, 70), await ReadBackAsync(t, snapshot.SnapshotId, 3));
    }

    [Fact]
    public async Task DeleteSnapshot_Archived_IsDeletedWithItsPendingWork()
    {
        await using var t = NewCloud();
        var archived = await CompletedSnapshotAsync(t);
        var restoring = await CompletedSnapshotAsync(t);
        await t.Ec2.ArchiveAsync(archived.SnapshotId);
        await ArchiveAndWaitAsync(t, restoring.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(restoring.SnapshotId, 1);

        await t.Ec2.DeleteSnapshotAsync(archived.SnapshotId);
        await t.Ec2.DeleteSnapshotAsync(restoring.SnapshotId);

        Assert.Empty(await t.Ec2.ListSnapshotsAsync());
        Assert.Empty(t.Cloud.Engine.World.Table(RecordKinds.Due));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    private static async Task AssertRefusedAsync(TestCloud t, SnapshotId id)
    {
        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = id }).AsTask());
        Assert.Equal(EbsErrorCodes.IncorrectState, error.ErrorCode);
    }
}
