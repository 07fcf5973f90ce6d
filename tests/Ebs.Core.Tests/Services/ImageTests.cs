using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class ImageTests
{
    [Fact]
    public async Task RegisterImage_FromPendingSnapshot_PendingUntilItCompletesThenAvailable()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);

        var image = await t.Ec2.RegisterAndDescribeImageAsync(Request("golden", root.SnapshotId, data.SnapshotId));

        Assert.Equal(ImageState.Pending, image.State);
        Assert.Equal((ArchitectureValues.I386, VirtualizationType.Paravirtual, DeviceType.Ebs), (image.Architecture, image.VirtualizationType, image.RootDeviceType));
        Assert.Equal([root.SnapshotId, data.SnapshotId], image.SnapshotIds);
        t.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ImageState.Available, (await t.Ec2.DescribeImageAsync(image.ImageId)).State);
        Assert.Equal([image.ImageId], (await t.Ec2.ListImagesAsync(new() { Owners = ["self"], Filters = [new Filter("state", "available"), new Filter("block-device-mapping.snapshot-id", data.SnapshotId.Value)] })).Select(i => i.ImageId));
        Assert.Empty(await t.Ec2.ListImagesAsync(new() { Filters = [new Filter("name", "other*")] }));
    }

    [Fact]
    public async Task DeleteSnapshot_UsedByRegisteredImage_InUseUntilDeregistered()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);
        var image = await t.Ec2.RegisterAndDescribeImageAsync(Request("golden", root.SnapshotId, data.SnapshotId));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(root.SnapshotId).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
        var kept = await t.Ec2.DeregisterImageAsync(image.ImageId);
        await t.Ec2.DeleteSnapshotAsync(root.SnapshotId);

        Assert.Equal(new DeregisterImageResponse { DeleteSnapshotResults = ValueList<DeleteSnapshotReturnCode>.Empty }, kept);
        Assert.Single(await t.Ec2.ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DescribeImageAsync(image.ImageId).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);
    }

    [Fact]
    public async Task DeregisterImage_DeleteAssociatedSnapshots_SkipsThoseAnotherImageUses()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);
        var first = await t.Ec2.RegisterAndDescribeImageAsync(Request("first", root.SnapshotId, data.SnapshotId));
        await t.Ec2.RegisterAndDescribeImageAsync(Request("second", root.SnapshotId));

        var results = await t.Ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = first.ImageId, DeleteAssociatedSnapshots = true });

        Assert.True(results.Return);
        Assert.Equal([new DeleteSnapshotReturnCode(root.SnapshotId, SnapshotReturnCodes.Skipped), new DeleteSnapshotReturnCode(data.SnapshotId, SnapshotReturnCodes.Success)], results.DeleteSnapshotResults);
        Assert.Equal([root.SnapshotId], (await t.Ec2.ListSnapshotsAsync()).Select(s => s.SnapshotId));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task RegisterImage_BadInput_ErrorsAndNothingChanged()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);
        await t.Ec2.RegisterAndDescribeImageAsync(Request("taken", root.SnapshotId));

        async Task Refused(RegisterImageRequest request, string code)
            => await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RegisterAndDescribeImageAsync(request).AsTask(), code);

        await Refused(Request("taken", data.SnapshotId), EbsErrorCodes.InvalidAmiNameDuplicate);
        await Refused(Request("x", data.SnapshotId), EbsErrorCodes.InvalidAmiNameMalformed);
        await Refused(Request("bad*name", data.SnapshotId), EbsErrorCodes.InvalidAmiNameMalformed);
        await Refused(Request("fine", SnapshotId.Parse("snap-0123456789abcdef0")), EbsErrorCodes.InvalidSnapshotNotFound);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/sda1", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", root.SnapshotId)] }, EbsErrorCodes.InvalidBlockDeviceMapping);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [] }, EbsErrorCodes.InvalidBlockDeviceMapping);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", root.SnapshotId, volumeSize: 1)] }, EbsErrorCodes.InvalidBlockDeviceMapping);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", root.SnapshotId)], Architecture = (ArchitectureValues)99 }, EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeregisterImageAsync(ImageId.Parse("ami-0123456789abcdef0")).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);
        Assert.Equal(EbsErrorCodes.InvalidAmiIdMalformed, Assert.Throws<EbsException>(() => ImageId.Parse("ami-xyz")).ErrorCode);
    }

    internal static RegisterImageRequest Request(string name, SnapshotId root, params SnapshotId[] data) => new()
    {
        Name = name,
        RootDeviceName = "/dev/xvda",
        BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", root), .. data.Select((s, i) => Ec2Shorthands.Mapping($"/dev/sd{(char)('b' + i)}", s))],
    };

    private static async Task<(Snapshot Root, Snapshot Data)> TwoSnapshotsAsync(TestCloud t)
    {
        var boot = await t.CreateVolumeAsync(sizeGiB: 8);
        var disk = await t.CreateVolumeAsync(sizeGiB: 2);
        await t.WriteBlocksAsync(boot.VolumeId, [0, 1], seedBase: 0);
        await t.WriteBlocksAsync(disk.VolumeId, [5], seedBase: 10);
        return (await t.Ec2.TakeSnapshotAsync(boot.VolumeId), await t.Ec2.TakeSnapshotAsync(disk.VolumeId));
    }
}
