using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class CopyImageTests
{
    private const string Dr = "eu-west-1";

    [Fact]
    public async Task CopyImage_AcrossRegions_NewIdsPendingUntilTheCopiesCompleteThenLaunchesByteExact()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var source = await t.Ec2.DescribeImageAsync(image);
        var original = await LaunchedBytesAsync(t, t.Ec2, image);
        var dr = t.Cloud.Account(TestCloud.Account).Ec2(Dr);
        var at = t.Time.GetUtcNow();

        var copyId = (await dr.CopyImageAsync(new CopyImageRequest { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "golden dr" })).ImageId;

        var copy = await dr.DescribeImageAsync(copyId);
        Assert.NotEqual(image, copyId);
        Assert.Equal((ImageState.Pending, Dr, "golden dr", $"[Copied {image} from us-east-1] golden"), (copy.State, copy.Region, copy.Name, copy.Description));
        Assert.Equal((image, TestCloud.Region), (copy.SourceImageId, copy.SourceImageRegion));
        Assert.Equal(source.BlockDeviceMappings.Select(b => (b.DeviceName, b.Ebs.VolumeSize, b.Ebs.DeleteOnTermination)), copy.BlockDeviceMappings.Select(b => (b.DeviceName, b.Ebs.VolumeSize, b.Ebs.DeleteOnTermination)));
        Assert.Empty(copy.SnapshotIds.Intersect(source.SnapshotIds));
        Assert.Equal((source.RootDeviceName, source.Architecture), (copy.RootDeviceName, copy.Architecture));
        Assert.Empty(copy.Tags);
        foreach (var (mapping, from) in copy.BlockDeviceMappings.Zip(source.BlockDeviceMappings))
        {
            var snapshot = await dr.DescribeSnapshotAsync(mapping.Ebs.SnapshotId);
            var millis = at.ToUnixTimeMilliseconds().ToString("N0", CultureInfo.InvariantCulture);
            Assert.Equal($"Copied for DestinationAmi {copyId} from SourceAmi {image} for SourceSnapshot {from.Ebs.SnapshotId}. Task created on {millis}.", snapshot.Description);
        }

        await Assert.ThrowsAsync<EbsException>(() => t.LaunchAsync(copyId)); // not in this Region
        var pendingLaunch = await Assert.ThrowsAsync<EbsException>(async () => await dr.RunInstancesAsync(new RunInstancesRequest { ImageId = copyId, MinCount = 1, MaxCount = 1 }));
        Assert.Equal(EbsErrorCodes.InvalidAmiIdUnavailable, pendingLaunch.ErrorCode);

        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ImageState.Available, (await dr.DescribeImageAsync(copyId)).State);
        Assert.Equal(Hex(original), Hex(await LaunchedBytesAsync(t, dr, copyId)));
    }

    [Fact]
    public async Task CopyImage_WithinTheRegion_TransfersNoChunkAndKeepsTheSourceUsable()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var chunks = t.StoredChunks;

        var copyId = (await t.Ec2.CopyImageAsync(new CopyImageRequest { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "golden copy", Description = "second" })).ImageId;

        Assert.Equal(chunks, t.StoredChunks);
        var copy = await t.Ec2.DescribeImageAsync(copyId);
        Assert.Equal("second", copy.Description);
        Assert.Equal(ImageState.Pending, copy.State); // pending for the copies' setup time, though no chunk moves
        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ImageState.Available, (await t.Ec2.DescribeImageAsync(copyId)).State);
        Assert.Equal(2, (await t.Ec2.ListImagesAsync()).Count);
        Assert.Equal(4, (await t.Ec2.ListSnapshotsAsync()).Count);
        Assert.Equal(Hex(await LaunchedBytesAsync(t, t.Ec2, image)), Hex(await LaunchedBytesAsync(t, t.Ec2, copyId)));
    }

    [Fact]
    public async Task CopyImage_Tags_SourceTagsOnlyWithCopyImageTagsAndSpecificationsWin()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        await t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = [new Tag("team", "web"), new Tag("tier", "gold")] });
        var dr = t.Cloud.Account(TestCloud.Account).Ec2(Dr);

        var plain = (await dr.CopyImageAsync(new CopyImageRequest { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "plain" })).ImageId;
        var tagged = (await dr.CopyImageAsync(new CopyImageRequest
        {
            SourceRegion = TestCloud.Region,
            SourceImageId = image,
            Name = "tagged",
            CopyImageTags = true,
            TagSpecifications =
            [
                new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("tier", "dr")] },
                new TagSpecification { ResourceType = ResourceType.Snapshot, Tags = [new Tag("copy", "yes")] },
            ],
        })).ImageId;

        Assert.Empty((await dr.DescribeImageAsync(plain)).Tags);
        var copy = await dr.DescribeImageAsync(tagged);
        Assert.Equal([("team", "web"), ("tier", "dr")], copy.Tags.Select(x => (x.Key, x.Value!)));
        foreach (var snapshot in copy.SnapshotIds)
        {
            Assert.Equal([("copy", "yes")], (await dr.DescribeSnapshotAsync(snapshot)).Tags.Select(x => (x.Key, x.Value!)));
        }
    }

    [Fact]
    public async Task CopyImage_ClientToken_RepeatReturnsTheSameImageOtherParametersRefused()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var dr = t.Cloud.Account(TestCloud.Account).Ec2(Dr);
        var request = new CopyImageRequest { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "once", ClientToken = "copy-1" };

        var first = (await dr.CopyImageAsync(request)).ImageId;
        var fingerprint = await StateFingerprint.TakeAsync(t.Cloud);
        var again = (await dr.CopyImageAsync(request)).ImageId;

        Assert.Equal(first, again);
        Assert.Equal(fingerprint, await StateFingerprint.TakeAsync(t.Cloud));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dr.CopyImageAsync(request with { Name = "twice" }).AsTask(), EbsErrorCodes.IdempotentParameterMismatch);
    }

    [Fact]
    public async Task CopyImage_EveryRefusal_AwsCodeAndNothingChanged()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 9);
        var pendingSnapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var pending = (await t.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "pending",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, pendingSnapshot.SnapshotId)],
        })).ImageId;
        var dr = t.Cloud.Account(TestCloud.Account).Ec2(Dr);
        var stranger = t.Cloud.Account("222222222222").Ec2(Dr);

        Task Copy(Ec2Client client, ImageId id, string name = "copy", string region = TestCloud.Region, string? token = null, string? description = null)
            => client.CopyImageAsync(new CopyImageRequest { SourceRegion = region, SourceImageId = id, Name = name, ClientToken = token, Description = description }).AsTask();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, ImageId.Parse("ami-0123456789abcdef0")), EbsErrorCodes.InvalidAmiIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, default), EbsErrorCodes.InvalidAmiIdMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(stranger, image), EbsErrorCodes.AuthFailure);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, pending), EbsErrorCodes.InvalidAmiIdUnavailable);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, image, region: "mars-north-1"), EbsErrorCodes.InvalidRegion);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, image, name: "x"), EbsErrorCodes.InvalidAmiNameMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(t.Ec2, image, name: "golden"), EbsErrorCodes.InvalidAmiNameDuplicate);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, image, token: new string('t', 65)), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, image, description: new string('d', 256)), EbsErrorCodes.InvalidParameterValue);
        await t.Ec2.DisableImageAsync(new DisableImageRequest { ImageId = image });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Copy(dr, image), EbsErrorCodes.InvalidAmiIdUnavailable);
    }

    private static List<(string Device, string Hex)> Hex(List<(string Device, byte[] Bytes)> volumes) => [.. volumes.Select(v => (v.Device, Convert.ToHexString(v.Bytes)))];

    /// <summary>Launches an instance of <paramref name="image"/> and reads every block of each of its volumes, by device.</summary>
    private static async Task<List<(string Device, byte[] Bytes)>> LaunchedBytesAsync(TestCloud t, Ec2Client ec2, ImageId image)
    {
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single();
        var result = new List<(string, byte[])>();
        foreach (var mapping in instance.BlockDeviceMappings)
        {
            var volume = await ec2.DescribeVolumeAsync(mapping.Ebs.VolumeId);
            var bytes = new byte[8 * TestCloud.BlockSize];
            await ec2.ReadAtAsync(volume.VolumeId, 0, bytes);
            result.Add((mapping.DeviceName, bytes));
        }

        return result;
    }
}
