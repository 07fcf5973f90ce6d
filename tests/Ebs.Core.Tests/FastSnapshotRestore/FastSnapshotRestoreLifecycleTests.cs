using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.FastSnapshotRestore;

public sealed class FastSnapshotRestoreLifecycleTests
{
    [Fact]
    public async Task DeleteSnapshot_EnabledInTwoZones_InvalidSnapshotInUseNamingThemAndNothingChanges()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1b", "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(1));
        await t.Ec2.DescribeFastSnapshotRestoresAsync(new());

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId).AsTask());

        Assert.Equal(
            $"The snapshot {snapshot.SnapshotId} is currently enabled for fast restores in us-east-1a, us-east-1b. Fast snapshot restores must be disabled within all Availability Zones before the snapshot may be deleted.",
            error.Message);
    }

    [Fact]
    public async Task DeleteSnapshot_WhileEnablingThenAfterDisabled_RefusedThenDeleted()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");

        var whileEnabling = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId).AsTask());
        await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(1));
        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);

        Assert.Equal(EbsErrorCodes.InvalidSnapshotInUse, whileEnabling.ErrorCode);
        Assert.Empty(await t.Ec2.ListSnapshotsAsync());
        Assert.Equal(FastSnapshotRestoreStateCode.Disabled, (await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a")).State);
    }

    [Fact]
    public async Task Ledger_DisabledAfterTenMinutes_LevelUpAndDownAndTheRestOfTheHour()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        var t0 = t.Time.GetUtcNow();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(10));
        await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(5));
        await t.Ec2.DescribeFastSnapshotRestoresAsync(new());

        var entries = FsrLedger.Entries(t);

        Assert.Equal(
            [
                (t0, UsageType.FastSnapshotRestore, 1L, 0L, TimeSpan.Zero),
                (t0.AddMinutes(11), UsageType.FastSnapshotRestore, -1L, 0L, TimeSpan.Zero),
                (t0.AddMinutes(11), UsageType.FastSnapshotRestoreMinimum, 0L, 1L, TimeSpan.FromMinutes(49)),
            ],
            entries.Select(e => (e.At, e.Type, e.LevelChange, e.Quantity, e.Duration)));
        Assert.All(entries, e => Assert.Equal(("us-east-1a", snapshot.SnapshotId.Value, TestCloud.Account, TestCloud.Region), (e.AvailabilityZone, e.ResourceId, e.AccountId, e.Region)));
    }

    [Fact]
    public async Task Ledger_DisabledAfterNinetyMinutes_NoMinimum()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a", "us-east-1b");
        t.Time.Advance(TimeSpan.FromMinutes(89));
        await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(1));
        await t.Ec2.DescribeFastSnapshotRestoresAsync(new());

        var entries = FsrLedger.Entries(t);

        Assert.Equal([1L, 1L, -1L], entries.Select(e => e.LevelChange));
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1a"], entries.Select(e => e.AvailabilityZone));
        Assert.DoesNotContain(entries, e => e.Type == UsageType.FastSnapshotRestoreMinimum);
    }

    [Fact]
    public async Task DisableAll_SnapshotLeavesTheStandardTier_EveryZoneDisabledWithTheReasonAndBillingStops()
    {
        const string Reason = "Client.InvalidSnapshot.InvalidState - The requested snapshot was deleted or access permissions were revoked";
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        var other = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a", "us-east-1b");
        await t.Ec2.EnableAsync(other.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(2));

        await t.Cloud.Engine.CommitAsync("test", m =>
        {
            FastSnapshotRestores.DisableAll(m, snapshot.SnapshotId, Reason);
            return true;
        }, null, CancellationToken.None);
        var disabling = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1b");
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var all = (await t.Ec2.DescribeFastSnapshotRestoresAsync(new())).FastSnapshotRestores;

        Assert.Equal((FastSnapshotRestoreStateCode.Disabling, Reason), (disabling.State, disabling.StateTransitionReason));
        Assert.Equal(
            [(snapshot.SnapshotId, FastSnapshotRestoreStateCode.Disabled, Reason), (snapshot.SnapshotId, FastSnapshotRestoreStateCode.Disabled, Reason)],
            all.Where(r => r.SnapshotId == snapshot.SnapshotId).Select(r => (r.SnapshotId, r.State, r.StateTransitionReason)));
        Assert.Equal(FastSnapshotRestoreStateCode.Enabled, all.Single(r => r.SnapshotId == other.SnapshotId).State);
        Assert.Equal(1L, FsrLedger.Entries(t).Where(e => e.Type == UsageType.FastSnapshotRestore).Sum(e => e.LevelChange));
    }
}
