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
        await t.WriteBlocksAsync(volume.Id, Enumerable.Range(0, 20), seedBase: 0);
        var a = await t.CompleteAsync(await t.Ec2.CreateSnapshotAsync(volume.Id, tags: new Dictionary<string, string> { ["k"] = "v" }));
        await t.WriteBlocksAsync(volume.Id, Enumerable.Range(0, 5), seedBase: 100);
        var b = await t.CompleteAsync(await t.Ec2.CreateSnapshotAsync(volume.Id));

        var copyA = await dr.CopySnapshotAsync(TestCloud.Region, a.Id);
        var copyB = await dr.CopySnapshotAsync(TestCloud.Region, b.Id, "DR copy");

        Assert.Equal((SnapshotState.Pending, "eu-west-1"), (copyA.State, copyA.Region));
        Assert.Equal($"[Copied {a.Id} from us-east-1]", copyA.Description);
        Assert.Equal(Ec2Client.CopiedSnapshotVolumeId, copyA.VolumeId);
        Assert.Empty(copyA.Tags);
        Assert.Equal(20L * B, copyA.IncrementalSizeInBytes);
        Assert.Equal(5L * B, copyB.IncrementalSizeInBytes);
        Assert.Equal(20L * B, copyB.FullSnapshotSizeInBytes);
        Assert.Equal(25L * B, (await dr.GetStorageUsageAsync()).StoredBytes);
        t.Time.Advance(TimeSpan.FromHours(1));
        var restored = await dr.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "eu-west-1a", SnapshotId = copyB.Id });
        var bytes = new byte[20 * B];
        await dr.ReadVolumeAsync(restored.Id, 0, bytes);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TestCloud.Block(i < 5 ? 100 + i : i), bytes.AsSpan(i * B, B).ToArray());
        }

        await t.Ec2.DeleteSnapshotAsync(a.Id);
        await t.Ec2.DeleteSnapshotAsync(b.Id);
        await t.Ec2.DeleteVolumeAsync(volume.Id);
        Assert.Equal(25L * B, (await dr.GetStorageUsageAsync()).StoredBytes);
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task CopySnapshot_BadInput_ErrorsAndNothingChanged()
    {
        await using var t = new TestCloud();
        var dr = t.Cloud.Account(TestCloud.Account).Ec2("eu-west-1");
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.Id, [0], seedBase: 0);
        var pending = await t.Ec2.CreateSnapshotAsync(volume.Id);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopySnapshotAsync(TestCloud.Region, pending.Id).AsTask(), EbsErrorCodes.IncorrectState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopySnapshotAsync("eu-west-1", pending.Id).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopySnapshotAsync("moon-1", pending.Id).AsTask(), EbsErrorCodes.InvalidRegion);
        var stranger = t.Cloud.Account("222222222222").Ec2("eu-west-1");
        t.Time.Advance(TimeSpan.FromHours(1));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => stranger.CopySnapshotAsync(TestCloud.Region, pending.Id).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
    }
}
