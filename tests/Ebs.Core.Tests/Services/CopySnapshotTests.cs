using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class CopySnapshotTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task CopySnapshot_ToOtherRegion_TransfersOnlyWhatTheTargetLacks()
    {
        await using var t = new TestCloud();
        var dr = t.Cloud.Account(TestCloud.Account).Ec2("eu-west-1");
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 20), seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId, tags: new Dictionary<string, string> { ["k"] = "v" }));
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 5), seedBase: 100);
        var b = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        var copyA = await dr.CopySnapshotHereAsync(TestCloud.Region, a.SnapshotId);
        var copyB = await dr.CopySnapshotHereAsync(TestCloud.Region, b.SnapshotId, "DR copy");

        Assert.Equal((SnapshotState.Pending, "eu-west-1"), (copyA.State, copyA.Region));
        Assert.Equal($"[Copied {a.SnapshotId} from us-east-1]", copyA.Description);
        Assert.Equal(Ec2Client.CopiedSnapshotVolumeId, copyA.VolumeId);
        Assert.Empty(copyA.Tags);
        Assert.Equal(20L * B, copyA.IncrementalSizeInBytes);
        Assert.Equal(5L * B, copyB.IncrementalSizeInBytes);
        Assert.Equal(20L * B, copyB.FullSnapshotSizeInBytes);
        Assert.Equal(25L * B, (await dr.GetStorageUsageAsync(new())).StoredSizeInBytes);
        t.Time.Advance(TimeSpan.FromHours(1));
        var restored = await dr.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "eu-west-1a", SnapshotId = copyB.SnapshotId });
        var bytes = new byte[20 * B];
        await dr.ReadAtAsync(restored.Volume.VolumeId, 0, bytes);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TestCloud.Block(i < 5 ? 100 + i : i), bytes.AsSpan(i * B, B).ToArray());
        }

        await t.Ec2.DeleteSnapshotAsync(a.SnapshotId);
        await t.Ec2.DeleteSnapshotAsync(b.SnapshotId);
        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);
        Assert.Equal(25L * B, (await dr.GetStorageUsageAsync(new())).StoredSizeInBytes);
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task CopySnapshot_BadInput_ErrorsAndNothingChanged()
    {
        await using var t = new TestCloud();
        var dr = t.Cloud.Account(TestCloud.Account).Ec2("eu-west-1");
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 0);
        var pending = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopySnapshotHereAsync(TestCloud.Region, pending.SnapshotId).AsTask(), EbsErrorCodes.IncorrectState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopySnapshotHereAsync("eu-west-1", pending.SnapshotId).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopySnapshotHereAsync("moon-1", pending.SnapshotId).AsTask(), EbsErrorCodes.InvalidRegion);
        var stranger = t.Cloud.Account("222222222222").Ec2("eu-west-1");
        t.Time.Advance(TimeSpan.FromHours(1));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => stranger.CopySnapshotHereAsync(TestCloud.Region, pending.SnapshotId).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
    }
}
