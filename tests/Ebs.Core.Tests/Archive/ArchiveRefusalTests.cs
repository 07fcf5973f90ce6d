using Ebs.Core.Domain;
using Ebs.Core.Services;
using static Ebs.Core.Tests.Archive.Archiving;

namespace Ebs.Core.Tests.Archive;

public sealed class ArchiveRefusalTests
{
    private const int MaxDays = Ec2Client.MaxTemporaryRestoreDays;

    [Fact]
    public async Task ModifySnapshotTier_Ineligible_RefusedWithAwsCodeAndNothingChanges()
    {
        await using var t = NewCloud();
        var completed = await CompletedSnapshotAsync(t);
        var archiving = await CompletedSnapshotAsync(t);
        var archived = await CompletedSnapshotAsync(t);
        var imaged = await CompletedSnapshotAsync(t);
        await t.Ec2.RegisterImageAsync(Services.ImageTests.Request("golden", imaged.SnapshotId));
        await ArchiveAndWaitAsync(t, archived.SnapshotId);
        await t.Ec2.ArchiveAsync(archiving.SnapshotId);
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 9);
        var pending = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var others = t.Cloud.Account("222222222222").Ec2(TestCloud.Region);

        await Refused(t, () => t.Ec2.ArchiveAsync(pending.SnapshotId), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.ArchiveAsync(archiving.SnapshotId), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.ArchiveAsync(archived.SnapshotId), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.ArchiveAsync(imaged.SnapshotId), EbsErrorCodes.InvalidSnapshotInUse);
        await Refused(t, () => others.ArchiveAsync(completed.SnapshotId), EbsErrorCodes.InvalidSnapshotNotFound);
        await Refused(t, () => t.Ec2.ArchiveAsync(SnapshotId.Parse("snap-0123456789abcdef0")), EbsErrorCodes.InvalidSnapshotNotFound);
        await Refused(t, () => t.Ec2.ModifySnapshotTierAsync(new ModifySnapshotTierRequest { SnapshotId = completed.SnapshotId, StorageTier = (TargetStorageTier)7 }), EbsErrorCodes.InvalidParameterValue);
    }

    [Fact]
    public async Task RestoreSnapshotTier_NotRestorable_RefusedWithAwsCodeAndNothingChanges()
    {
        await using var t = NewCloud();
        var standard = await CompletedSnapshotAsync(t);
        var archiving = await CompletedSnapshotAsync(t);
        var temporary = await CompletedSnapshotAsync(t);
        var permanent = await CompletedSnapshotAsync(t);
        var back = await CompletedSnapshotAsync(t);
        await t.Ec2.ArchiveAsync(temporary.SnapshotId);
        await t.Ec2.ArchiveAsync(permanent.SnapshotId);
        await ArchiveAndWaitAsync(t, back.SnapshotId);
        await t.Ec2.RestorePermanentlyAsync(back.SnapshotId);
        t.Time.Advance(RestoreTime);
        await t.Ec2.RestoreTemporarilyAsync(temporary.SnapshotId, 3);
        await t.Ec2.RestorePermanentlyAsync(permanent.SnapshotId);
        await t.Ec2.ArchiveAsync(archiving.SnapshotId);

        await Refused(t, () => t.Ec2.RestoreTemporarilyAsync(standard.SnapshotId, 1), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RestorePermanentlyAsync(archiving.SnapshotId), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RestoreTemporarilyAsync(temporary.SnapshotId, 5), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RestorePermanentlyAsync(temporary.SnapshotId), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RestoreTemporarilyAsync(permanent.SnapshotId, 1), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RestorePermanentlyAsync(back.SnapshotId), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RestoreTemporarilyAsync(standard.SnapshotId, 0), EbsErrorCodes.InvalidParameterValue);
        await Refused(t, () => t.Ec2.RestoreTemporarilyAsync(standard.SnapshotId, MaxDays + 1), EbsErrorCodes.InvalidParameterValue);
        await Refused(t, () => t.Ec2.RestoreSnapshotTierAsync(new RestoreSnapshotTierRequest { SnapshotId = standard.SnapshotId, TemporaryRestoreDays = 2, PermanentRestore = true }), EbsErrorCodes.InvalidParameterCombination);
        await Refused(t, () => t.Ec2.RestoreTemporarilyAsync(SnapshotId.Parse("snap-0123456789abcdef0"), 1), EbsErrorCodes.InvalidSnapshotNotFound);
    }

    [Fact]
    public async Task UsesOfAnArchivedSnapshot_RefusedWithAwsCodeAndNothingChanges()
    {
        await using var t = NewCloud();
        var archived = await CompletedSnapshotAsync(t);
        var restored = await CompletedSnapshotAsync(t);
        await t.Ec2.ArchiveAsync(restored.SnapshotId);
        await ArchiveAndWaitAsync(t, archived.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(restored.SnapshotId, 5);
        t.Time.Advance(RestoreTime);
        var direct = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

        await Refused(t, () => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = archived.SnapshotId }), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.CopySnapshotAsync(new CopySnapshotRequest { SourceRegion = TestCloud.Region, SourceSnapshotId = archived.SnapshotId }), EbsErrorCodes.IncorrectState);
        await Refused(t, () => t.Ec2.RegisterImageAsync(Services.ImageTests.Request("archived", archived.SnapshotId)), EbsErrorCodes.IncorrectState);

        // An image would hold its snapshot out of the archive, which a temporary restore ends by itself.
        await Refused(t, () => t.Ec2.RegisterImageAsync(Services.ImageTests.Request("restored", restored.SnapshotId)), EbsErrorCodes.IncorrectState);
        var error = await Refused(t, () => direct.ListChangedBlocksAsync(new ListChangedBlocksRequest { SecondSnapshotId = archived.SnapshotId }), EbsErrorCodes.ValidationException);
        Assert.Equal(EbsErrorReasons.InvalidSnapshotId, error.Reason);
        error = await Refused(t, () => direct.ListChangedBlocksAsync(new ListChangedBlocksRequest { FirstSnapshotId = archived.SnapshotId, SecondSnapshotId = restored.SnapshotId }), EbsErrorCodes.ValidationException);
        Assert.Equal(EbsErrorReasons.InvalidSnapshotId, error.Reason);

        // The temporarily restored one is usable.
        Assert.Equal(4, (await direct.ListChangedBlocksAsync(new ListChangedBlocksRequest { SecondSnapshotId = restored.SnapshotId })).ChangedBlocks.Length);
        await t.Ec2.CopySnapshotAsync(new CopySnapshotRequest { SourceRegion = TestCloud.Region, SourceSnapshotId = restored.SnapshotId });
    }

    private static async Task<EbsException> Refused<T>(TestCloud t, Func<ValueTask<T>> call, string code)
    {
        EbsException? error = null;
        await t.Cloud.ApplyDueWorkAsync(); // what fell due is not the refused call's change
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () =>
        {
            try
            {
                await call();
            }
            catch (EbsException e)
            {
                error = e;
                throw;
            }
        }, code);
        return error!;
    }
}
