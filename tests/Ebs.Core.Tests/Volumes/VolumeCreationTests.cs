using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Volumes;

public sealed class VolumeCreationTests
{
    private static readonly TimeSpan CreationTime = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CreateVolume_DefaultOptions_AvailableAtOnce()
    {
        await using var t = new TestCloud();

        var volume = await t.CreateVolumeAsync();

        Assert.Equal(VolumeState.Available, volume.State);
    }

    [Fact]
    public async Task CreateVolume_WithCreationTime_CreatingUntilItsInstant()
    {
        await using var t = new TestCloud(o => o.VolumeCreationTime = CreationTime);
        var start = t.Time.GetUtcNow();

        var volume = await t.CreateVolumeAsync();

        Assert.Equal(VolumeState.Creating, volume.State);
        t.Time.SetUtcNow(start + CreationTime - TimeSpan.FromTicks(1));
        Assert.Equal(VolumeState.Creating, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).State);
        Assert.Single(await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("status", "creating")] }));
        t.Time.SetUtcNow(start + CreationTime);
        Assert.Equal(VolumeState.Available, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).State);
    }

    [Fact]
    public async Task CreatingVolume_DeleteAndModifyRefused_DirectWritesAllowed()
    {
        await using var t = new TestCloud(o => o.VolumeCreationTime = CreationTime);
        var volume = await t.CreateVolumeAsync();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId }).AsTask(), EbsErrorCodes.IncorrectState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 2 }).AsTask(), EbsErrorCodes.IncorrectState);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
        Assert.Equal(TestCloud.Block(1), await t.ReadAsync(volume.VolumeId, 0, TestCloud.BlockSize));

        t.Time.Advance(CreationTime);
        await t.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        Assert.Empty(await t.Ec2.ListVolumesAsync());
    }

    [Fact]
    public void Options_NegativeCreationTime_Invalid()
    {
        var result = new EbsOptionsValidator().Validate(null, new EbsOptions { VolumeCreationTime = TimeSpan.FromSeconds(-1) });

        Assert.Contains("VolumeCreationTime must not be negative.", result.FailureMessage, StringComparison.Ordinal);
    }
}
