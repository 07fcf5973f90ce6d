using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Volumes;

public sealed class VolumeTypeLimitTests
{
    private const string Value = EbsErrorCodes.InvalidParameterValue;
    private const string Combination = EbsErrorCodes.InvalidParameterCombination;
    private const string Missing = EbsErrorCodes.MissingParameter;

    [Theory]
    [InlineData(VolumeType.Gp2, 1, null, null, 100, null)]
    [InlineData(VolumeType.Gp2, 34, null, null, 102, null)]
    [InlineData(VolumeType.Gp2, 5334, null, null, 16000, null)]
    [InlineData(VolumeType.Gp2, 16384, null, null, 16000, null)]
    [InlineData(VolumeType.Gp3, 1, null, null, 3000, 125)]
    [InlineData(VolumeType.Gp3, 1, 3000, 750, 3000, 750)]
    [InlineData(VolumeType.Gp3, 32, 16000, 1000, 16000, 1000)]
    [InlineData(VolumeType.Gp3, 16384, 4000, 1000, 4000, 1000)]
    [InlineData(VolumeType.Io1, 4, 100, null, 100, null)]
    [InlineData(VolumeType.Io1, 4, 200, null, 200, null)]
    [InlineData(VolumeType.Io1, 1280, 64000, null, 64000, null)]
    [InlineData(VolumeType.Io1, 16384, 100, null, 100, null)]
    [InlineData(VolumeType.Io2, 4, 4000, null, 4000, null)]
    [InlineData(VolumeType.Io2, 256, 256000, null, 256000, null)]
    [InlineData(VolumeType.Io2, 65536, 100, null, 100, null)]
    [InlineData(VolumeType.St1, 125, null, null, null, null)]
    [InlineData(VolumeType.St1, 16384, null, null, null, null)]
    [InlineData(VolumeType.Sc1, 125, null, null, null, null)]
    [InlineData(VolumeType.Sc1, 16384, null, null, null, null)]
    [InlineData(VolumeType.Standard, 1, null, null, null, null)]
    [InlineData(VolumeType.Standard, 1024, null, null, null, null)]
    public async Task CreateVolume_JustInsideLimits_ReportsIopsAndThroughput(VolumeType type, int size, int? iops, int? throughput, int? expectedIops, int? expectedThroughput)
    {
        await using var t = new TestCloud();
        var volume = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = size, VolumeType = type, Iops = iops, Throughput = throughput })).Volume;

        Assert.Equal((type, size, expectedIops, expectedThroughput), (volume.VolumeType, volume.Size, volume.Iops, volume.Throughput));
        Assert.Equal(volume, await t.Ec2.DescribeVolumeAsync(volume.VolumeId));
    }

    [Theory]
    [InlineData(VolumeType.Gp2, 16385, null, null, Value)]
    [InlineData(VolumeType.Gp2, 100, 300, null, Combination)]
    [InlineData(VolumeType.Gp2, 100, null, 125, Combination)]
    [InlineData(VolumeType.Gp3, 16385, null, null, Value)]
    [InlineData(VolumeType.Gp3, 100, 2999, null, Value)]
    [InlineData(VolumeType.Gp3, 100, 16001, null, Value)]
    [InlineData(VolumeType.Gp3, 31, 15501, null, Value)]
    [InlineData(VolumeType.Gp3, 100, 3000, 124, Value)]
    [InlineData(VolumeType.Gp3, 100, 16000, 1001, Value)]
    [InlineData(VolumeType.Gp3, 100, 3000, 751, Value)]
    [InlineData(VolumeType.Io1, 100, null, null, Missing)]
    [InlineData(VolumeType.Io1, 3, 100, null, Value)]
    [InlineData(VolumeType.Io1, 16385, 100, null, Value)]
    [InlineData(VolumeType.Io1, 100, 99, null, Value)]
    [InlineData(VolumeType.Io1, 4, 201, null, Value)]
    [InlineData(VolumeType.Io1, 2000, 64001, null, Value)]
    [InlineData(VolumeType.Io1, 100, 1000, 125, Combination)]
    [InlineData(VolumeType.Io2, 100, null, null, Missing)]
    [InlineData(VolumeType.Io2, 3, 100, null, Value)]
    [InlineData(VolumeType.Io2, 65537, 100, null, Value)]
    [InlineData(VolumeType.Io2, 100, 99, null, Value)]
    [InlineData(VolumeType.Io2, 4, 4001, null, Value)]
    [InlineData(VolumeType.Io2, 300, 256001, null, Value)]
    [InlineData(VolumeType.St1, 124, null, null, Value)]
    [InlineData(VolumeType.St1, 16385, null, null, Value)]
    [InlineData(VolumeType.St1, 500, 500, null, Combination)]
    [InlineData(VolumeType.St1, 500, null, 125, Combination)]
    [InlineData(VolumeType.Sc1, 124, null, null, Value)]
    [InlineData(VolumeType.Sc1, 16385, null, null, Value)]
    [InlineData(VolumeType.Sc1, 500, 500, null, Combination)]
    [InlineData(VolumeType.Standard, 1025, null, null, Value)]
    [InlineData(VolumeType.Standard, 10, 100, null, Combination)]
    public async Task CreateVolume_JustOutsideLimits_RefusedWithAwsCodeAndNothingChanged(VolumeType type, int size, int? iops, int? throughput, string code)
    {
        await using var t = new TestCloud();
        await t.CreateVolumeAsync();

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = size, VolumeType = type, Iops = iops, Throughput = throughput }).AsTask(),
            code);
        Assert.Single(await t.Ec2.ListVolumesAsync());
    }

    [Fact]
    public async Task CreateVolume_NoType_IsGp2WithBaselineIops()
    {
        await using var t = new TestCloud();

        var volume = await t.CreateVolumeAsync(sizeGiB: 200);

        Assert.Equal((VolumeType.Gp2, 600, (int?)null), (volume.VolumeType, volume.Iops!.Value, volume.Throughput));
    }

    [Fact]
    public async Task CreateVolume_FromSnapshotWithoutSize_ChecksTheSnapshotSizeAgainstTheType()
    {
        await using var t = new TestCloud();
        var source = await t.CreateVolumeAsync(sizeGiB: 100);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(source.VolumeId));

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId, VolumeType = VolumeType.St1 }).AsTask(),
            Value);
        var io1 = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId, VolumeType = VolumeType.Io1, Iops = 5000 })).Volume;
        Assert.Equal((100, 5000), (io1.Size, io1.Iops!.Value));
    }

    [Fact]
    public async Task DescribeVolumes_VolumeTypeIopsAndThroughputFilters_MatchAwsStrings()
    {
        await using var t = new TestCloud();
        var gp2 = await t.CreateVolumeAsync(sizeGiB: 1000);
        var gp3 = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 10, VolumeType = VolumeType.Gp3, Throughput = 500 })).Volume;

        Assert.Equal([gp3.VolumeId], Ids(await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("volume-type", ["gp3"])] })));
        Assert.Equal(Ids([gp2, gp3]), Ids(await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("iops", ["3000"])] })));
        Assert.Equal([gp3.VolumeId], Ids(await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("throughput", ["500"])] })));
    }

    [Theory]
    [InlineData(VolumeType.Gp2, true)]
    [InlineData(VolumeType.Gp3, true)]
    [InlineData(VolumeType.Io1, true)]
    [InlineData(VolumeType.Io2, true)]
    [InlineData(VolumeType.St1, false)]
    [InlineData(VolumeType.Sc1, false)]
    [InlineData(VolumeType.Standard, true)]
    public void Limits_Bootable_OnlyHddTypesCannotBoot(VolumeType type, bool bootable)
        => Assert.Equal(bootable, VolumeTypeLimits.Of(type).Bootable);

    [Theory]
    [InlineData(VolumeType.Gp2, "gp2")]
    [InlineData(VolumeType.Io2, "io2")]
    [InlineData(VolumeType.Standard, "standard")]
    public void VolumeType_AwsString_RoundTrips(VolumeType type, string text)
    {
        Assert.Equal(text, type.ToAwsString());
        Assert.Equal(type, AwsEnum.Parse<VolumeType>(text));
    }

    private static VolumeId[] Ids(IEnumerable<Volume> volumes) => [.. volumes.Select(v => v.VolumeId).OrderBy(id => id.Value, StringComparer.Ordinal)];
}
