using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Volumes;

public sealed class VolumeModificationTests
{
    private const int B = TestCloud.BlockSize;
    private const long GiB = 1L << 30;

    [Fact]
    public async Task ModifyVolume_Grow_ModifyingThenOptimizingThenCompletedAtExactInstants()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 10);
        var start = t.Time.GetUtcNow();

        var started = (await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 20 })).VolumeModification;

        Assert.Equal((VolumeModificationState.Modifying, 0L, start, (DateTimeOffset?)null), (started.ModificationState, started.Progress, started.StartTime, started.EndTime));
        Assert.Equal((10, 100, VolumeType.Gp2, 20, 100, VolumeType.Gp2), (started.OriginalSize, started.OriginalIops!.Value, started.OriginalVolumeType, started.TargetSize, started.TargetIops!.Value, started.TargetVolumeType));

        // Modifying lasts one minute; optimizing one second per GiB of the target size (20 s): 80 s in all.
        t.Time.SetUtcNow(start + TimeSpan.FromSeconds(60) - TimeSpan.FromTicks(1));
        Assert.Equal((VolumeModificationState.Modifying, 74L), Brief(await DescribeAsync(t, volume.VolumeId)));
        Assert.Equal(10, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).Size);

        t.Time.SetUtcNow(start + TimeSpan.FromSeconds(60));
        Assert.Equal((VolumeModificationState.Optimizing, 75L), Brief(await DescribeAsync(t, volume.VolumeId)));
        Assert.Equal(20, (await t.Ec2.DescribeVolumeAsync(volume.VolumeId)).Size);

        t.Time.SetUtcNow(start + TimeSpan.FromSeconds(80) - TimeSpan.FromTicks(1));
        Assert.Equal((VolumeModificationState.Optimizing, 99L), Brief(await DescribeAsync(t, volume.VolumeId)));

        t.Time.SetUtcNow(start + TimeSpan.FromSeconds(80));
        var completed = await DescribeAsync(t, volume.VolumeId);
        Assert.Equal((VolumeModificationState.Completed, 100L, (DateTimeOffset?)(start + TimeSpan.FromSeconds(80))), (completed.ModificationState, completed.Progress, completed.EndTime));
    }

    [Fact]
    public async Task ModifyVolume_Grow_KeepsEveryByteAndTheNewTailReadsZeros()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 1);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
        await t.Ec2.WriteAtAsync(volume.VolumeId, GiB - B, TestCloud.Block(2));

        await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 2 });

        // Until optimizing begins the volume keeps its old size.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.WriteAtAsync(volume.VolumeId, GiB, TestCloud.Block(3)).AsTask(), EbsErrorCodes.InvalidParameterValue);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TestCloud.Block(1), await t.ReadAsync(volume.VolumeId, 0, B));
        Assert.Equal(TestCloud.Block(2), await t.ReadAsync(volume.VolumeId, GiB - B, B));
        Assert.Equal(new byte[B], await t.ReadAsync(volume.VolumeId, GiB, B));
        Assert.Equal(new byte[B], await t.ReadAsync(volume.VolumeId, (2 * GiB) - B, B));
        await t.Ec2.WriteAtAsync(volume.VolumeId, (2 * GiB) - B, TestCloud.Block(4));
        Assert.Equal(TestCloud.Block(4), await t.ReadAsync(volume.VolumeId, (2 * GiB) - B, B));
    }

    [Fact]
    public async Task ModifyVolume_GrowAVolumeFromASnapshot_KeepsTheSnapshotBytes()
    {
        await using var t = new TestCloud();
        var source = await t.CreateVolumeAsync(sizeGiB: 1);
        await t.Ec2.WriteAtAsync(source.VolumeId, GiB - B, TestCloud.Block(5));
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(source.VolumeId));
        var restored = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId })).Volume;

        await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = restored.VolumeId, Size = 3 });
        t.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(TestCloud.Block(5), await t.ReadAsync(restored.VolumeId, GiB - B, B));
        Assert.Equal(new byte[B], await t.ReadAsync(restored.VolumeId, GiB, B));
        Assert.Equal(3, (await t.Ec2.DescribeVolumeAsync(restored.VolumeId)).Size);
    }

    [Fact]
    public async Task ModifyVolume_Shrink_RefusedAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 2);

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud, () => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 1 }).AsTask(), EbsErrorCodes.InvalidParameterValue);
    }

    [Fact]
    public async Task ModifyVolume_SixHourRule_RefusedAt5h59m59sAllowedAt6h()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 10);
        var start = t.Time.GetUtcNow();
        await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 11 });

        t.Time.SetUtcNow(start + new TimeSpan(5, 59, 59));
        await SettleAsync(t);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud, () => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 12 }).AsTask(), EbsErrorCodes.VolumeModificationRateExceeded);
        var refused = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 12 }).AsTask());
        Assert.Equal("You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.", refused.Message);

        t.Time.SetUtcNow(start + TimeSpan.FromHours(6));
        var second = (await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 12 })).VolumeModification;
        Assert.Equal((11, 12, start + TimeSpan.FromHours(6)), (second.OriginalSize, second.TargetSize, second.StartTime));
    }

    [Fact]
    public async Task ModifyVolume_AfterSixHoursWhileStillOptimizing_IncorrectModificationState()
    {
        await using var t = new TestCloud();
        var volume = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 65536, VolumeType = VolumeType.Io2, Iops = 100 })).Volume;
        var start = t.Time.GetUtcNow();
        await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Iops = 200 });

        // Optimizing a 64-TiB target takes 65,536 s (about 18 h 12 min) after the minute of modifying.
        t.Time.SetUtcNow(start + TimeSpan.FromHours(6));
        await SettleAsync(t);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud, () => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Iops = 300 }).AsTask(), EbsErrorCodes.IncorrectModificationState);

        t.Time.SetUtcNow(start + TimeSpan.FromSeconds(60 + 65536));
        var next = (await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Iops = 300 })).VolumeModification;
        Assert.Equal((200, 300), (next.OriginalIops!.Value, next.TargetIops!.Value));
    }

    [Fact]
    public async Task ModifyVolume_Gp2ToGp3_TakesAwsDefaults()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 100);

        var modification = (await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, VolumeType = VolumeType.Gp3 })).VolumeModification;
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await t.Ec2.DescribeVolumeAsync(volume.VolumeId);

        Assert.Equal((VolumeType.Gp2, 300, (int?)null, VolumeType.Gp3, 3000, (int?)125), (modification.OriginalVolumeType, modification.OriginalIops!.Value, modification.OriginalThroughput, modification.TargetVolumeType, modification.TargetIops!.Value, modification.TargetThroughput));
        Assert.Equal((VolumeType.Gp3, 100, 3000, 125), (after.VolumeType, after.Size, after.Iops!.Value, after.Throughput!.Value));
    }

    [Fact]
    public async Task ModifyVolume_Gp3ToSt1_DropsIopsAndThroughput()
    {
        await using var t = new TestCloud();
        var volume = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 125, VolumeType = VolumeType.Gp3, Iops = 6000 })).Volume;

        var modification = (await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, VolumeType = VolumeType.St1 })).VolumeModification;

        Assert.Equal((6000, (int?)125, (int?)null, (int?)null), (modification.OriginalIops!.Value, modification.OriginalThroughput, modification.TargetIops, modification.TargetThroughput));
    }

    [Theory]
    [InlineData(null, null, null, null, EbsErrorCodes.MissingParameter)]
    [InlineData(10, null, null, null, EbsErrorCodes.InvalidParameterValue)]
    [InlineData(null, VolumeType.Gp2, null, null, EbsErrorCodes.InvalidParameterValue)]
    [InlineData(null, null, 500, null, EbsErrorCodes.InvalidParameterCombination)]
    [InlineData(null, null, null, 200, EbsErrorCodes.InvalidParameterCombination)]
    [InlineData(null, VolumeType.Io1, null, null, EbsErrorCodes.InvalidParameterValue)]
    [InlineData(null, VolumeType.Sc1, null, null, EbsErrorCodes.InvalidParameterValue)]
    [InlineData(16385, null, null, null, EbsErrorCodes.InvalidParameterValue)]
    [InlineData(null, VolumeType.Gp3, 3000, 751, EbsErrorCodes.InvalidParameterValue)]
    public async Task ModifyVolume_BadTarget_RefusedWithAwsCodeAndNothingChanged(int? size, VolumeType? type, int? iops, int? throughput, string code)
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 10);

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = size, VolumeType = type, Iops = iops, Throughput = throughput }).AsTask(),
            code);
    }

    [Fact]
    public async Task ModifyVolume_UnknownVolume_InvalidVolumeNotFound()
    {
        await using var t = new TestCloud();

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud, () => t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = VolumeId.Parse("vol-0123456789abcdef0"), Size = 2 }).AsTask(), EbsErrorCodes.InvalidVolumeNotFound);
    }

    [Fact]
    public async Task ModifyVolume_DeletedDuringModifying_OptimizingEffectDoesNothing()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 1);
        await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volume.VolumeId, Size = 2 });

        await t.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        t.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(await t.Ec2.ListVolumesAsync());
        Assert.Empty((await t.Ec2.DescribeVolumesModificationsAsync(new())).VolumesModifications);
    }

    [Fact]
    public async Task DescribeVolumesModifications_IdsFiltersAndPages()
    {
        await using var t = new TestCloud();
        var volumes = new List<Volume>();
        for (var i = 0; i < 7; i++)
        {
            volumes.Add(await t.CreateVolumeAsync(sizeGiB: 10));
        }

        for (var i = 0; i < 6; i++)
        {
            await t.Ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volumes[i].VolumeId, Size = i % 2 == 0 ? 20 : 10000 });
        }

        t.Time.Advance(TimeSpan.FromSeconds(80));
        var unmodified = volumes[6].VolumeId;
        var modified = volumes.Take(6).Select(v => v.VolumeId).OrderBy(id => id.Value, StringComparer.Ordinal).ToArray();

        var first = await t.Ec2.DescribeVolumesModificationsAsync(new() { MaxResults = 5 });
        var second = await t.Ec2.DescribeVolumesModificationsAsync(new() { MaxResults = 5, NextToken = first.NextToken });
        Assert.Equal(modified, first.VolumesModifications.Concat(second.VolumesModifications).Select(m => m.VolumeId).ToArray());
        Assert.Null(second.NextToken);
        var paged = await t.Ec2.Paginators.DescribeVolumesModifications(new() { MaxResults = 5 }).VolumesModifications.ToListAsync();
        Assert.Equal((await t.Ec2.DescribeVolumesModificationsAsync(new())).VolumesModifications, paged);

        var completed = await t.Ec2.DescribeVolumesModificationsAsync(new() { Filters = [new Filter("modification-state", "completed")] });
        Assert.Equal(volumes.Where((_, i) => i is 0 or 2 or 4).Select(v => v.VolumeId).OrderBy(id => id.Value, StringComparer.Ordinal).ToArray(), completed.VolumesModifications.Select(m => m.VolumeId).ToArray());
        var large = await t.Ec2.DescribeVolumesModificationsAsync(new() { Filters = [new Filter("target-size", "10000"), new Filter("modification-state", "optimizing")] });
        Assert.Equal(3, large.VolumesModifications.Count);

        var one = Assert.Single((await t.Ec2.DescribeVolumesModificationsAsync(new() { VolumeIds = [volumes[1].VolumeId] })).VolumesModifications);
        Assert.Equal((10, 10000), (one.OriginalSize, one.TargetSize));
        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeVolumesModificationsAsync(new() { VolumeIds = [unmodified] }).AsTask());
        Assert.Equal(EbsErrorCodes.InvalidVolumeModificationNotFound, error.ErrorCode);
        var badFilter = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeVolumesModificationsAsync(new() { Filters = [new Filter("size", "1")] }).AsTask());
        Assert.Equal(EbsErrorCodes.InvalidParameterValue, badFilter.ErrorCode);
    }

    private static async Task<VolumeModification> DescribeAsync(TestCloud t, VolumeId volumeId)
        => Assert.Single((await t.Ec2.DescribeVolumesModificationsAsync(new() { VolumeIds = [volumeId] })).VolumesModifications);

    /// <summary>Applies the due work of the clock's instant, so that a refused call's fingerprint compares like with like.</summary>
    private static async Task SettleAsync(TestCloud t) => await t.Ec2.DescribeVolumesModificationsAsync(new());

    private static (VolumeModificationState, long) Brief(VolumeModification m) => (m.ModificationState, m.Progress);
}
