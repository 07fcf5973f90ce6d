using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.FastSnapshotRestore;

namespace Ebs.Core.Tests.RecycleBin;

public sealed class BinFastSnapshotRestoreTests
{
    [Fact]
    public async Task DeleteSnapshot_FastSnapshotRestoreEnabledAndARuleRetainsIt_GoesToTheBinAndDisablesIt()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7);
        var snapshot = await t.CompletedSnapshotAsync(blocks: 2);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(2));

        await t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId);
        t.Time.Advance(FastSnapshotRestoreRecord.TransitionTime);

        var fsr = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a");
        Assert.Equal((FastSnapshotRestoreStateCode.Disabled, FastSnapshotRestoreRecord.SnapshotUnusable), (fsr.State, fsr.StateTransitionReason));
        Assert.Equal(snapshot.SnapshotId, Assert.Single((await t.Ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots).SnapshotId);
    }

    [Fact]
    public async Task DeleteSnapshot_FastSnapshotRestoreEnabledAndNoRule_RefusedAndNothingChanges()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(blocks: 2);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(snapshot.SnapshotId).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
    }

    [Fact]
    public async Task DeregisterImage_AssociatedSnapshotWithFastSnapshotRestore_KeptAsClientErrorAndTheOthersDeleted()
    {
        await using var t = new TestCloud();
        var enabled = await t.CompletedSnapshotAsync(blocks: 1);
        var plain = await t.CompletedSnapshotAsync(blocks: 1);
        var image = await t.Ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = "two-disks",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", enabled.SnapshotId), Ec2Shorthands.Mapping("/dev/xvdb", plain.SnapshotId)],
        });
        await t.Ec2.EnableAsync(enabled.SnapshotId, "us-east-1a");

        var response = await t.Ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image.ImageId, DeleteAssociatedSnapshots = true });

        Assert.Equal(
            [new DeleteSnapshotReturnCode(enabled.SnapshotId, SnapshotReturnCodes.ClientError), new DeleteSnapshotReturnCode(plain.SnapshotId, SnapshotReturnCodes.Success)],
            response.DeleteSnapshotResults);
        Assert.Equal(enabled.SnapshotId, Assert.Single(await t.Ec2.ListSnapshotsAsync()).SnapshotId);
    }
}
