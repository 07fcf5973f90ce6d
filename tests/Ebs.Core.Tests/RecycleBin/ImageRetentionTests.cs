using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using static Ebs.Core.Tests.RecycleBin.Rules;

namespace Ebs.Core.Tests.RecycleBin;

public sealed class ImageRetentionTests
{
    [Fact]
    public async Task DeregisterImage_NoImageRule_DeletedAtOnce()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7);
        var image = await ImageAsync(t, "plain");

        await t.Ec2.DeregisterImageAsync(image.ImageId);

        Assert.Empty((await t.Ec2.ListImagesInRecycleBinAsync(new())).Images);
        Assert.Empty(t.Cloud.Engine.World.Images);
    }

    [Fact]
    public async Task DeregisterImage_DeleteAssociatedSnapshots_BothBinnedAndImageRestoredOnlyAfterItsSnapshot()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7, RecycleBinResourceType.Ec2Image);
        await t.CreateRuleAsync(10);
        var image = await ImageAsync(t, "golden", new Dictionary<string, string> { ["Name"] = "golden" });
        var snapshotId = image.SnapshotIds.Single();
        var enter = t.Time.GetUtcNow();

        var result = await t.Ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = image.ImageId, DeleteAssociatedSnapshots = true });

        Assert.Equal([new DeleteSnapshotReturnCode(snapshotId, SnapshotReturnCodes.Success)], result.DeleteSnapshotResults);
        var binned = (await t.Ec2.ListImagesInRecycleBinAsync(new())).Images.Single();
        Assert.Equal((image.ImageId, "golden", image.Description, enter, enter.AddDays(7)), (binned.ImageId, binned.Name, binned.Description, binned.RecycleBinEnterTime, binned.RecycleBinExitTime));
        Assert.Equal(enter.AddDays(10), (await t.Ec2.ListSnapshotsInRecycleBinAsync(new())).Snapshots.Single().RecycleBinExitTime);
        Assert.Empty(await t.Ec2.ListImagesAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DescribeImageAsync(image.ImageId).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeregisterImageAsync(image.ImageId).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(t, image.ImageId), EbsErrorCodes.IncorrectState);
        await t.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = snapshotId });
        await Restore(t, image.ImageId);

        Assert.Equal(image, await t.Ec2.DescribeImageAsync(image.ImageId));
        Assert.Empty((await t.Ec2.ListImagesInRecycleBinAsync(new())).Images);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(snapshotId).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(t, image.ImageId), EbsErrorCodes.InvalidAmiIdNotFound);
        Assert.Empty(t.Cloud.Engine.World.Table(RecordKinds.Due));
    }

    [Fact]
    public async Task ImageInBin_ItsSnapshot_NotInUseSoDeletableAndThenTheImageCannotBeRestored()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7, RecycleBinResourceType.Ec2Image);
        var image = await ImageAsync(t, "golden");
        await t.Ec2.DeregisterImageAsync(image.ImageId);

        await t.Ec2.DeleteSnapshotAsync(image.SnapshotIds.Single());

        Assert.Equal(0, t.StoredChunks);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(t, image.ImageId), EbsErrorCodes.IncorrectState);
    }

    [Fact]
    public async Task ImageInBin_ExitInstant_DeletedForGood()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(2, RecycleBinResourceType.Ec2Image);
        var image = await ImageAsync(t, "golden");
        await t.Ec2.DeregisterImageAsync(image.ImageId);

        t.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));
        Assert.Single((await t.Ec2.ListImagesInRecycleBinAsync(new() { ImageIds = [image.ImageId] })).Images);
        t.Time.Advance(TimeSpan.FromTicks(1));

        Assert.Empty((await t.Ec2.ListImagesInRecycleBinAsync(new())).Images);
        Assert.Empty(t.Cloud.Engine.World.Images);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(t, image.ImageId), EbsErrorCodes.InvalidAmiIdNotFound);
        Assert.Single(await t.Ec2.ListSnapshotsAsync());
    }

    [Fact]
    public async Task RestoreImage_NameTakenMeanwhile_DuplicateAndNothingChanged()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7, RecycleBinResourceType.Ec2Image);
        var image = await ImageAsync(t, "golden");
        await t.Ec2.DeregisterImageAsync(image.ImageId);
        await t.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = "golden", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", image.SnapshotIds.Single())] });

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(t, image.ImageId), EbsErrorCodes.InvalidAmiNameDuplicate);
    }

    [Fact]
    public async Task ListImagesInRecycleBin_BadInput_AwsErrorAndNothingChanged()
    {
        await using var t = new TestCloud();
        var live = await ImageAsync(t, "live");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ListImagesInRecycleBinAsync(new() { ImageIds = [live.ImageId] }).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ListImagesInRecycleBinAsync(new() { MaxResults = 0 }).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ListImagesInRecycleBinAsync(new() { ImageIds = [.. Enumerable.Repeat(live.ImageId, 21)] }).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Restore(t, live.ImageId), EbsErrorCodes.InvalidAmiIdNotFound);
    }

    [Fact]
    public async Task ListImagesInRecycleBin_PageOfOne_EachImageOnce()
    {
        await using var t = new TestCloud();
        await t.CreateRuleAsync(7, RecycleBinResourceType.Ec2Image);
        var first = await ImageAsync(t, "first");
        var second = await ImageAsync(t, "second");
        await t.Ec2.DeregisterImageAsync(first.ImageId);
        t.Time.Advance(TimeSpan.FromSeconds(1));
        await t.Ec2.DeregisterImageAsync(second.ImageId);

        var page1 = await t.Ec2.ListImagesInRecycleBinAsync(new() { MaxResults = 1 });
        var page2 = await t.Ec2.ListImagesInRecycleBinAsync(new() { MaxResults = 1, NextToken = page1.NextToken });

        Assert.Equal([first.ImageId, second.ImageId], page1.Images.Concat(page2.Images).Select(i => i.ImageId));
        Assert.Null(page2.NextToken);
        var paged = new List<ImageId>();
        await foreach (var image in t.Ec2.Paginators.ListImagesInRecycleBin(new() { MaxResults = 1 }).Images)
        {
            paged.Add(image.ImageId);
        }

        Assert.Equal([first.ImageId, second.ImageId], paged);
    }

    private static Task Restore(TestCloud t, ImageId id) => t.Ec2.RestoreImageFromRecycleBinAsync(new() { ImageId = id }).AsTask();

    private static async Task<Image> ImageAsync(TestCloud t, string name, IReadOnlyDictionary<string, string>? tags = null)
    {
        var snapshot = await SnapshotRetentionTests.LoneSnapshotAsync(t, 2);
        var image = await t.Ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = name,
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)],
            TagSpecifications = Ec2Shorthands.Tags(ResourceType.Image, tags),
        });
        t.Time.Advance(TimeSpan.FromHours(1));
        return await t.Ec2.DescribeImageAsync(image.ImageId);
    }
}
