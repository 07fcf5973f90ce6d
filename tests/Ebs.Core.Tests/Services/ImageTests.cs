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

        var image = await t.Ec2.RegisterImageAsync(Request("golden", root.Id, data.Id));

        Assert.Equal(ImageState.Pending, image.State);
        Assert.Equal(("i386", "hvm", "ebs"), (image.Architecture, image.VirtualizationType, image.RootDeviceType));
        Assert.Equal([root.Id, data.Id], image.SnapshotIds);
        t.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ImageState.Available, (await t.Ec2.DescribeImageAsync(image.Id)).State);
        Assert.Equal([image.Id], (await t.Ec2.DescribeImagesAsync(new() { Owners = ["self"], Filters = [new Filter("state", "available"), new Filter("block-device-mapping.snapshot-id", data.Id.Value)] })).Select(i => i.Id));
        Assert.Empty(await t.Ec2.DescribeImagesAsync(new() { Filters = [new Filter("name", "other*")] }));
    }

    [Fact]
    public async Task DeleteSnapshot_UsedByRegisteredImage_InUseUntilDeregistered()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);
        var image = await t.Ec2.RegisterImageAsync(Request("golden", root.Id, data.Id));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeleteSnapshotAsync(root.Id).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
        var kept = await t.Ec2.DeregisterImageAsync(image.Id);
        await t.Ec2.DeleteSnapshotAsync(root.Id);

        Assert.Empty(kept);
        Assert.Single(await t.Ec2.DescribeSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DescribeImageAsync(image.Id).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);
    }

    [Fact]
    public async Task DeregisterImage_DeleteAssociatedSnapshots_SkipsThoseAnotherImageUses()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);
        var first = await t.Ec2.RegisterImageAsync(Request("first", root.Id, data.Id));
        await t.Ec2.RegisterImageAsync(Request("second", root.Id));

        var results = await t.Ec2.DeregisterImageAsync(first.Id, deleteAssociatedSnapshots: true);

        Assert.Equal([new SnapshotDeletion(root.Id, "skipped"), new SnapshotDeletion(data.Id, "success")], results);
        Assert.Equal([root.Id], (await t.Ec2.DescribeSnapshotsAsync()).Select(s => s.Id));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task RegisterImage_BadInput_ErrorsAndNothingChanged()
    {
        await using var t = new TestCloud();
        var (root, data) = await TwoSnapshotsAsync(t);
        await t.Ec2.RegisterImageAsync(Request("taken", root.Id));

        async Task Refused(RegisterImageRequest request, string code)
            => await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RegisterImageAsync(request).AsTask(), code);

        await Refused(Request("taken", data.Id), EbsErrorCodes.InvalidAmiNameDuplicate);
        await Refused(Request("x", data.Id), EbsErrorCodes.InvalidAmiNameMalformed);
        await Refused(Request("bad*name", data.Id), EbsErrorCodes.InvalidAmiNameMalformed);
        await Refused(Request("fine", SnapshotId.Parse("snap-0123456789abcdef0")), EbsErrorCodes.InvalidSnapshotNotFound);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/sda1", BlockDeviceMappings = [new("/dev/xvda", root.Id)] }, EbsErrorCodes.InvalidBlockDeviceMapping);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [] }, EbsErrorCodes.InvalidBlockDeviceMapping);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [new("/dev/xvda", root.Id, VolumeSizeGiB: 1)] }, EbsErrorCodes.InvalidBlockDeviceMapping);
        await Refused(new RegisterImageRequest { Name = "fine", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [new("/dev/xvda", root.Id)], Architecture = "sparc" }, EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeregisterImageAsync(ImageId.Parse("ami-0123456789abcdef0")).AsTask(), EbsErrorCodes.InvalidAmiIdNotFound);
        Assert.Equal(EbsErrorCodes.InvalidAmiIdMalformed, Assert.Throws<EbsException>(() => ImageId.Parse("ami-xyz")).ErrorCode);
    }

    internal static RegisterImageRequest Request(string name, SnapshotId root, params SnapshotId[] data) => new()
    {
        Name = name,
        RootDeviceName = "/dev/xvda",
        BlockDeviceMappings = [new("/dev/xvda", root), .. data.Select((s, i) => new BlockDeviceMapping($"/dev/sd{(char)('b' + i)}", s))],
    };

    private static async Task<(Snapshot Root, Snapshot Data)> TwoSnapshotsAsync(TestCloud t)
    {
        var boot = await t.CreateVolumeAsync(sizeGiB: 8);
        var disk = await t.CreateVolumeAsync(sizeGiB: 2);
        await t.WriteBlocksAsync(boot.Id, [0, 1], seedBase: 0);
        await t.WriteBlocksAsync(disk.Id, [5], seedBase: 10);
        return (await t.Ec2.CreateSnapshotAsync(boot.Id), await t.Ec2.CreateSnapshotAsync(disk.Id));
    }
}
