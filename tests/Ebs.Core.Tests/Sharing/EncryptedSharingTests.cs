using Ebs.Core.Domain;
using Ebs.Core.Services;
using static Ebs.Core.Tests.Sharing.SharingShorthands;

namespace Ebs.Core.Tests.Sharing;

/// <summary>
/// Where sharing meets encryption and the provider catalogue: the common mistakes AWS refuses (sharing a snapshot under
/// the AWS managed key, making encrypted data public), and copies of images the caller may launch but does not own.
/// </summary>
public sealed class EncryptedSharingTests
{
    private const string Zone = "us-east-1a";

    [Fact]
    public async Task A_snapshot_under_the_managed_key_cannot_be_shared_nor_made_public_and_nothing_changes()
    {
        await using var t = new TestCloud();
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = true })).Volume;
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        Assert.True(snapshot.Encrypted);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(snapshot.SnapshotId, Recipient).AsTask(), EbsErrorCodes.OperationNotPermitted);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(snapshot.SnapshotId, "all").AsTask(), EbsErrorCodes.OperationNotPermitted);
        Assert.Empty(await t.Ec2.SharedWithAsync(snapshot.SnapshotId));
    }

    [Fact]
    public async Task A_snapshot_under_a_customer_key_is_shared_with_an_account_but_never_made_public()
    {
        await using var t = new TestCloud();
        var key = (await t.Cloud.Account(Owner).Kms(TestCloud.Region).CreateKeyAsync(new())).KeyMetadata.Arn;
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = true, KmsKeyId = key })).Volume;
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));

        await t.Ec2.ShareAsync(snapshot.SnapshotId, Recipient);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(snapshot.SnapshotId, "all").AsTask(), EbsErrorCodes.OperationNotPermitted);

        Assert.Equal([Recipient], await t.Ec2.SharedWithAsync(snapshot.SnapshotId));
    }

    [Fact]
    public async Task An_image_over_an_encrypted_snapshot_cannot_be_made_public()
    {
        await using var t = new TestCloud();
        var key = (await t.Cloud.Account(Owner).Kms(TestCloud.Region).CreateKeyAsync(new())).KeyMetadata.Arn;
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = true, KmsKeyId = key })).Volume;
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var image = (await t.Ec2.RegisterImageAsync(new()
        {
            Name = "encrypted",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshot.SnapshotId } }],
        })).ImageId;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(image, "all").AsTask(), EbsErrorCodes.OperationNotPermitted);
        await t.Ec2.ShareAsync(image, Recipient);
        Assert.False((await t.Ec2.DescribeImageAsync(image)).Public);
    }

    [Fact]
    public async Task A_recipient_copies_a_shared_image_and_the_copy_is_its_own()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 3], seedBase: 40);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var image = (await t.Ec2.RegisterImageAsync(new()
        {
            Name = "shared",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshot.SnapshotId } }],
        })).ImageId;
        await t.Ec2.ShareAsync(image, Recipient);
        var recipient = t.Ec2Of(Recipient, OtherRegion);

        var copyId = (await recipient.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "mine" })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));

        var copy = await recipient.DescribeImageAsync(copyId);
        Assert.Equal(Recipient, copy.OwnerId);
        Assert.Equal(ImageState.Available, copy.State);
        await t.Ec2.ShareAsync(image, Recipient, OperationType.Remove);
        var launched = await recipient.LaunchAsync(copyId);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var root = (await recipient.DescribeInstancesAsync(new() { InstanceIds = [launched.InstanceId] })).Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs!.VolumeId;
        var bytes = new byte[4 * TestCloud.BlockSize];
        await recipient.ReadAtAsync(root, 0, bytes);
        Assert.Equal(await t.ReadAsync(volume.VolumeId, 0, bytes.Length), bytes);
    }

    [Fact]
    public async Task Any_account_copies_a_provider_image_into_another_region()
    {
        await using var t = new TestCloud();
        var caller = t.Ec2Of(Stranger, OtherRegion);
        var provider = (await t.Ec2Of(Stranger).ListImagesAsync(new() { Owners = ["amazon"] }))[0];

        var copyId = (await caller.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = provider.ImageId, Name = "my base" })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));

        var copy = await caller.DescribeImageAsync(copyId);
        Assert.Equal(Stranger, copy.OwnerId);
        Assert.Null(copy.ImageOwnerAlias);
        Assert.Equal(ImageState.Available, copy.State);
        Assert.Equal(provider.ImageId, copy.SourceImageId);
        var original = await RootBlockAsync(t, t.Ec2Of(Stranger), provider.ImageId);
        Assert.Contains(original, b => b != 0);
        Assert.Equal(original, await RootBlockAsync(t, caller, copyId));
    }

    /// <summary>Launches an image and reads the first block of its root volume.</summary>
    private static async Task<byte[]> RootBlockAsync(TestCloud t, Ec2Client ec2, ImageId image)
    {
        var instance = await ec2.LaunchAsync(image);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var root = (await ec2.DescribeInstancesAsync(new() { InstanceIds = [instance.InstanceId] })).Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs!.VolumeId;
        var bytes = new byte[TestCloud.BlockSize];
        await ec2.ReadAtAsync(root, 0, bytes);
        return bytes;
    }
}
