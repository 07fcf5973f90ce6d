using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;
using static Ebs.Core.Tests.Sharing.SharingShorthands;

namespace Ebs.Core.Tests.Sharing;

/// <summary>
/// A snapshot and an image encrypted with the owner's customer managed key, shared with a recipient: the recipient uses them
/// (CreateVolume, CopySnapshot, RunInstances, CopyImage) only while the key's owner grants it the key, and what it makes is
/// encrypted with its own default key, so it outlives the grant. The owner is never affected.
/// </summary>
public sealed class KeyGrantTests
{
    private const string Zone = "us-east-1a";
    private const string NotAccessible = EbsErrorCodes.InvalidKmsKeyInvalidState;

    /// <summary>What the owner shared: a snapshot of blocks 0 and 2 under its key, an image over it, and the key.</summary>
    private sealed record Shared(string KeyArn, SnapshotId Snapshot, ImageId Image);

    private static async Task<Shared> ShareEncryptedAsync(TestCloud t)
    {
        var key = (await t.Cloud.Account(Owner).Kms(TestCloud.Region).CreateKeyAsync(new() { Description = "shared" })).KeyMetadata.Arn;
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = true, KmsKeyId = key })).Volume;
        await t.WriteBlocksAsync(volume.VolumeId, [0, 2], seedBase: 70);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var image = (await t.Ec2.RegisterImageAsync(new()
        {
            Name = "encrypted",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, snapshot.SnapshotId)],
        })).ImageId;
        await t.Ec2.ShareAsync(snapshot.SnapshotId, Recipient);
        await t.Ec2.ShareAsync(image, Recipient);
        return new Shared(key, snapshot.SnapshotId, image);
    }

    private static Task<CreateGrantResponse> GrantAsync(TestCloud t, Shared shared)
        => t.Cloud.Account(Owner).Kms(TestCloud.Region).CreateGrantAsync(new()
        {
            KeyId = shared.KeyArn,
            GranteePrincipal = $"arn:aws:iam::{Recipient}:root",
            Operations = [GrantOperation.Decrypt, GrantOperation.CreateGrant],
        }).AsTask();

    /// <summary>Every use a recipient may make of the shared snapshot and image, each refused without the key, changing nothing.</summary>
    private static async Task AssertEveryUseRefusedAsync(TestCloud t, Shared shared)
    {
        var b = t.Ec2Of(Recipient);
        var bWest = t.Ec2Of(Recipient, OtherRegion);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = shared.Snapshot }).AsTask(), NotAccessible);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.CopySnapshotHereAsync(TestCloud.Region, shared.Snapshot).AsTask(), NotAccessible);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => bWest.CopySnapshotHereAsync(TestCloud.Region, shared.Snapshot).AsTask(), NotAccessible);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.LaunchAsync(shared.Image), NotAccessible);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => bWest.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = shared.Image, Name = "refused" }).AsTask(), NotAccessible);
        // Naming a key of its own does not help: the source must still be opened.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = shared.Snapshot, Encrypted = true, KmsKeyId = "alias/aws/ebs" }).AsTask(), NotAccessible);
    }

    private static async Task<byte[]> ReadBlockAsync(Ec2Client ec2, VolumeId volume, int block)
    {
        var bytes = new byte[TestCloud.BlockSize];
        await ec2.ReadAtAsync(volume, (long)block * TestCloud.BlockSize, bytes);
        return bytes;
    }

    [Fact]
    public async Task Without_a_grant_the_recipient_sees_but_cannot_restore_copy_or_launch_and_nothing_changes()
    {
        await using var t = new TestCloud();
        var shared = await ShareEncryptedAsync(t);
        var b = t.Ec2Of(Recipient);

        // It sees them (metadata only), as AWS's recipients do.
        var seen = await b.DescribeSnapshotAsync(shared.Snapshot);
        Assert.Equal(shared.KeyArn, seen.KmsKeyId);
        Assert.Equal(shared.Image, (await b.DescribeImageAsync(shared.Image)).ImageId);

        await AssertEveryUseRefusedAsync(t, shared);
        var refusal = await Assert.ThrowsAsync<EbsException>(() => b.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = shared.Snapshot }).AsTask());
        Assert.StartsWith("Given key ID is not accessible", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await b.ListVolumesAsync());
        Assert.Empty(await b.ListSnapshotsAsync(new() { OwnerIds = ["self"] }));
    }

    [Fact]
    public async Task With_a_grant_the_recipient_uses_them_under_its_own_default_key_until_the_grant_is_revoked()
    {
        await using var t = new TestCloud();
        var shared = await ShareEncryptedAsync(t);
        var grant = await GrantAsync(t, shared);
        var b = t.Ec2Of(Recipient);
        var bWest = t.Ec2Of(Recipient, OtherRegion);

        var volume = (await b.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = shared.Snapshot })).Volume;
        var copy = await b.CopySnapshotHereAsync(TestCloud.Region, shared.Snapshot);
        var instance = await b.LaunchAsync(shared.Image);
        var imageCopy = (await bWest.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = shared.Image, Name = "mine" })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));

        // All of it is B's, encrypted with B's default key (the AWS managed key of B's Region), with A's bytes.
        var bKey = (await t.Cloud.Account(Recipient).Kms(TestCloud.Region).DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata.Arn;
        var bWestKey = (await t.Cloud.Account(Recipient).Kms(OtherRegion).DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata.Arn;
        var root = await b.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root);
        Assert.Equal(bKey, volume.KmsKeyId);
        Assert.Equal(bKey, (await b.DescribeSnapshotAsync(copy.SnapshotId)).KmsKeyId);
        Assert.Equal(bKey, (await b.DescribeVolumeAsync(root)).KmsKeyId);
        Assert.Equal(bWestKey, (await bWest.DescribeImageAsync(imageCopy)).BlockDeviceMappings[0].Ebs!.KmsKeyId);
        Assert.Equal(TestCloud.Block(72), await ReadBlockAsync(b, volume.VolumeId, 2));
        Assert.Equal(TestCloud.Block(70), await ReadBlockAsync(b, root, 0));

        // The grant revoked: every use is refused again; what B made keeps working.
        await t.Cloud.Account(Owner).Kms(TestCloud.Region).RevokeGrantAsync(new() { KeyId = shared.KeyArn, GrantId = grant.GrantId });
        await AssertEveryUseRefusedAsync(t, shared);
        Assert.Equal(TestCloud.Block(72), await ReadBlockAsync(b, volume.VolumeId, 2));
        Assert.Equal(TestCloud.Block(70), await ReadBlockAsync(b, root, 0));
        var fromCopy = (await b.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = copy.SnapshotId })).Volume;
        Assert.Equal(TestCloud.Block(70), await ReadBlockAsync(b, fromCopy.VolumeId, 0));
        var fromImageCopy = await bWest.LaunchAsync(imageCopy);
        Assert.Equal(TestCloud.Block(72), await ReadBlockAsync(bWest, await bWest.VolumeAtAsync(fromImageCopy.InstanceId, InstanceShorthands.Root), 2));
    }

    [Fact]
    public async Task The_owner_uses_its_own_key_whatever_it_grants()
    {
        await using var t = new TestCloud();
        var shared = await ShareEncryptedAsync(t);
        var grant = await GrantAsync(t, shared);
        await t.Cloud.Account(Owner).Kms(TestCloud.Region).RevokeGrantAsync(new() { KeyId = shared.KeyArn, GrantId = grant.GrantId });

        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = shared.Snapshot })).Volume;
        var copy = await t.Ec2.CopySnapshotHereAsync(TestCloud.Region, shared.Snapshot);
        var instance = await t.LaunchAsync(shared.Image);
        var imageCopy = (await t.Ec2.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = shared.Image, Name = "own copy" })).ImageId;

        // Its own snapshot keeps its key within the Region, as AWS's owner copies and restores do.
        Assert.Equal(shared.KeyArn, volume.KmsKeyId);
        Assert.Equal(shared.KeyArn, (await t.Ec2.DescribeSnapshotAsync(copy.SnapshotId)).KmsKeyId);
        Assert.Equal(shared.KeyArn, (await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root))).KmsKeyId);
        Assert.Equal(shared.KeyArn, (await t.Ec2.DescribeImageAsync(imageCopy)).BlockDeviceMappings[0].Ebs!.KmsKeyId);
        Assert.Equal(TestCloud.Block(72), await ReadBlockAsync(t.Ec2, volume.VolumeId, 2));
    }
}
