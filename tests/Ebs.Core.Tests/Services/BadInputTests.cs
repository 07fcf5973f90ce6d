using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class BadInputTests
{
    private const int B = TestCloud.BlockSize;

    public static TheoryData<string, Func<TestCloud, Snapshot, Volume, Task>> Calls => new()
    {
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, _) => t.Ec2.DeleteVolumeAsync(VolumeId.Parse("vol-0123456789abcdef0")).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, _) => t.Ec2.WriteAtAsync(VolumeId.Parse("vol-0123456789abcdef0"), 0, new byte[B]).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, _) => t.Ec2.TakeSnapshotAsync(VolumeId.Parse("vol-0123456789abcdef0")).AsTask() },
        { EbsErrorCodes.InvalidVolumeIdMalformed, (t, _, _) => t.Ec2.DeleteVolumeAsync(default(VolumeId)).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, _) => t.Ec2.DeleteSnapshotAsync(SnapshotId.Parse("snap-0123456789abcdef0")).AsTask() },
        { EbsErrorCodes.InvalidSnapshotIdMalformed, (t, _, _) => t.Ec2.DescribeSnapshotAsync(default).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, _) => t.Ec2.ListSnapshotsAsync(new() { SnapshotIds = [SnapshotId.Parse("snap-0123456789abcdef0")] }).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0") }).AsTask() },
        { EbsErrorCodes.InvalidZoneNotFound, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "eu-west-1a", Size = 1 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 0 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 65537 }).AsTask() },
        { EbsErrorCodes.MissingParameter, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a" }).AsTask() },
        { EbsErrorCodes.MissingParameter, (t, _, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = null!, Size = 1 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, s, _) => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = s.SnapshotId, Size = 1 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.WriteAtAsync(v.VolumeId, v.SizeInBytes - 1, new byte[2]).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.WriteAtAsync(v.VolumeId, long.MaxValue - 1, new byte[B]).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.ReadAtAsync(v.VolumeId, long.MaxValue - 1, new byte[B]).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.TakeSnapshotAsync(v.VolumeId, new string('x', 256)).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, v) => t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [v.VolumeId], Tags = [new Tag("aws:x", "y")] }).AsTask() },
        { EbsErrorCodes.TagLimitExceeded, (t, _, v) => t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [v.VolumeId], Tags = [.. Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v"))] }).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, _, v) => t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [v.VolumeId, SnapshotId.Parse("snap-0123456789abcdef0")], Tags = [new Tag("a", "b")] }).AsTask() },
        { EbsErrorCodes.InvalidId, (t, _, _) => t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [default], Tags = [new Tag("a", "b")] }).AsTask() },
        { EbsErrorCodes.InvalidId, (t, _, _) => Task.Run(() => ResourceId.Parse("eni-0123456789abcdef0")) },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("no-such-filter", "x")] }).AsTask() },
        { EbsErrorCodes.InvalidUserIdMalformed, (t, _, _) => t.Ec2.ListSnapshotsAsync(new() { OwnerIds = ["self", "aws-marketplace"] }).AsTask() },
        { EbsErrorCodes.InvalidUserIdMalformed, (t, _, _) => t.Ec2.ListImagesAsync(new() { Owners = ["12345678901"] }).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, v) => t.Cloud.Account("222222222222").Ec2(TestCloud.Region).DeleteVolumeAsync(v.VolumeId).AsTask() },
        { EbsErrorCodes.InvalidVolumeNotFound, (t, _, v) => t.Cloud.Account(TestCloud.Account).Ec2("eu-west-1").WriteAtAsync(v.VolumeId, 0, new byte[1]).AsTask() },
        { EbsErrorCodes.InvalidSnapshotNotFound, (t, s, _) => t.Cloud.Account("222222222222").Ec2(TestCloud.Region).DeleteSnapshotAsync(s.SnapshotId).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, (t, s, _) => t.Cloud.Account("222222222222").EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.SnapshotId }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.SnapshotId, NextToken = "%%" }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.SnapshotId, MaxResults = 0 }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.SnapshotId, MaxResults = 99 }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.SnapshotId, MaxResults = 10001 }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { FirstSnapshotId = s.SnapshotId, SecondSnapshotId = default }).AsTask() },
        { EbsErrorCodes.ValidationException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { SecondSnapshotId = s.SnapshotId, StartingBlockIndex = -1 }).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, (t, s, _) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new() { FirstSnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), SecondSnapshotId = s.SnapshotId }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, _, _) => Task.FromResult(t.Cloud.Account("12345")) },
        { EbsErrorCodes.InvalidRegion, (t, _, _) => Task.FromResult(t.Cloud.Account(TestCloud.Account).Ec2("mars-north-1")) },
        { EbsErrorCodes.InvalidRegion, (t, s, _) => t.Ec2.CopySnapshotHereAsync("mars-north-1", s.SnapshotId).AsTask() },
        { EbsErrorCodes.InvalidSnapshotIdMalformed, (t, _, _) => t.Ec2.DeleteSnapshotAsync(default(SnapshotId)).AsTask() },
        { EbsErrorCodes.InvalidAmiIdMalformed, (t, _, _) => t.Ec2.DeregisterImageAsync(default(ImageId)).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, (t, s, _) => t.Ec2.CopySnapshotHereAsync(TestCloud.Region, s.SnapshotId, new string('x', 256)).AsTask() },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_BadInput_AwsErrorCodeAndNothingChanged(string expectedCode, Func<TestCloud, Snapshot, Volume, Task> call)
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync(sizeGiB: 2);
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], seedBase: 0);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.WriteBlocksAsync(volume.VolumeId, [1], seedBase: 50);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => call(t, snapshot, volume), expectedCode);
    }

    [Fact]
    public async Task CreateVolume_FromPendingSnapshot_IncorrectStateAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId }).AsTask(),
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
