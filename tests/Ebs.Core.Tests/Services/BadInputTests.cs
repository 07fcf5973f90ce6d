using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class BadInputTests
{
    private const int B = TestCloud.BlockSize;

    public static TheoryData<string, Func<TestCloud, Snapshot, Volume, Task>> Calls => new()
    {
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, _) => t.Ec2.DeleteVolumeAsync(VolumeId.Parse("vol-0123456789abcdef0")).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, _) => t.Ec2.WriteVolumeAsync(VolumeId.Parse("vol-0123456789abcdef0"), 0, new byte[B]).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, _) => t.Ec2.CreateSnapshotAsync(VolumeId.Parse("vol-0123456789abcdef0")).AsTask() },
        { EbsErrorCodes.InvalidVolumeIdMalformed, (t, _, _) => t.Ec2.DeleteVolumeAsync(default).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, _) => t.Ec2.DeleteSnapshotAsync(SnapshotId.Parse("snap-0123456789abcdef0")).AsTask() },
        { EbsErrorCodes.InvalidSnapshotIdMalformed, (t, _, _) => t.Ec2.DescribeSnapshotAsync(default).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, _) => t.Ec2.DescribeSnapshotsAsync(new() { SnapshotIds = [SnapshotId.Parse("snap-0123456789abcdef0")] }).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0") }).AsTask() },
        { EbsErrorCodes.InvalidZoneNotFound, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "eu-west-1a", SizeGiB = 1 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SizeGiB = 0 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SizeGiB = 65537 }).AsTask() },
        { EbsErrorCodes.MissingParameter, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a" }).AsTask() },
        { EbsErrorCodes.MissingParameter, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = null!, SizeGiB = 1 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, s, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = s.Id, SizeGiB = 1 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.WriteVolumeAsync(v.Id, v.SizeBytes - 1, new byte[2]).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.WriteVolumeAsync(v.Id, long.MaxValue - 1, new byte[B]).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.ReadVolumeAsync(v.Id, long.MaxValue - 1, new byte[B]).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.CreateSnapshotAsync(v.Id, new string('x', 256)).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.CreateTagsAsync([v.Id.Value], new Dictionary<string, string> { ["aws:x"] = "y" }).AsTask() },
        { EbsErrorCodes.TagLimitExceeded, (t, _, v) => t.Ec2.CreateTagsAsync([v.Id.Value], Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v")).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, v) => t.Ec2.CreateTagsAsync([v.Id.Value, "snap-0123456789abcdef0"], new Dictionary<string, string> { ["a"] = "b" }).AsTask() },
        { EbsErrorCodes.InvalidId, (t, _, _) => t.Ec2.CreateTagsAsync(["i-0123456789abcdef0"], new Dictionary<string, string> { ["a"] = "b" }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => t.Ec2.DescribeVolumesAsync(new() { Filters = [new Filter("no-such-filter", "x")] }).AsTask() },
        { EbsErrorCodes.InvalidUserIdMalformed, (t, _, _) => t.Ec2.DescribeSnapshotsAsync(new() { OwnerIds = ["self", "aws-marketplace"] }).AsTask() },
        { EbsErrorCodes.InvalidUserIdMalformed, (t, _, _) => t.Ec2.DescribeImagesAsync(new() { Owners = ["12345678901"] }).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, v) => t.Cloud.Account("222222222222").Ec2(TestCloud.Region).DeleteVolumeAsync(v.Id).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, v) => t.Cloud.Account(TestCloud.Account).Ec2("eu-west-1").WriteVolumeAsync(v.Id, 0, new byte[1]).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, s, _) => t.Cloud.Account("222222222222").Ec2(TestCloud.Region).DeleteSnapshotAsync(s.Id).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, (t, s, _) => t.Cloud.Account("222222222222").EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.Id }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.Id, NextToken = "%%" }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.Id, MaxResults = 0 }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.Id, MaxResults = 99 }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.Id, MaxResults = 10001 }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { FirstSnapshotId = s.Id, SecondSnapshotId = default }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.Id, StartingBlockIndex = -1 }).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { FirstSnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), SecondSnapshotId = s.Id }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => Task.FromResult(t.Cloud.Account("12345")) },
        { EbsErrorCodes.InvalidRegion, (t, _, _) => Task.FromResult(t.Cloud.Account(TestCloud.Account).Ec2("mars-north-1")) },
        { EbsErrorCodes.InvalidRegion, (t, s, _) => t.Ec2.CopySnapshotAsync("mars-north-1", s.Id).AsTask() },
        { EbsErrorCodes.InvalidSnapshotIdMalformed, (t, _, _) => t.Ec2.DeleteSnapshotAsync(default).AsTask() },
        { EbsErrorCodes.InvalidAmiIdMalformed, (t, _, _) => t.Ec2.DeregisterImageAsync(default).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, s, _) => t.Ec2.CopySnapshotAsync(TestCloud.Region, s.Id, new string('x', 256)).AsTask() },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_BadInput_AwsErrorCodeAndNothingChanged(string expectedCode, Func<TestCloud, Snapshot, Volume, Task> call)
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 2);
        await t.WriteBlocksAsync(volume.Id, [0, 1, 2], seedBase: 0);
        var snapshot = await t.CompleteAsync(await t.Ec2.CreateSnapshotAsync(volume.Id));
        await t.WriteBlocksAsync(volume.Id, [1], seedBase: 50);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => call(t, snapshot, volume), expectedCode);
    }

    [Fact]
    public async Task CreateVolume_FromPendingSnapshot_IncorrectStateAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.Ec2.CreateSnapshotAsync(volume.Id);

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.Id }).AsTask(),
            EbsErrorCodes.IncorrectState);
    }

    [Theory]
    [InlineData("vol-123")]
    [InlineData("vol-0123456789ABCDEF0")]
    [InlineData("snap-0123456789abcdef0")]
    [InlineData("")]
    public void VolumeIdParse_Malformed_InvalidVolumeIdMalformed(string text)
    {
        Assert.Equal(EbsErrorCodes.InvalidVolumeIdMalformed, Assert.Throws<EbsException>(() => VolumeId.Parse(text)).ErrorCode);
        Assert.False(VolumeId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("snap-0123456789abcdef0")]
    [InlineData("snap-01234567")]
    public void SnapshotIdParse_WellFormed_RoundTrips(string text) => Assert.Equal(text, SnapshotId.Parse(text).ToString());
}
