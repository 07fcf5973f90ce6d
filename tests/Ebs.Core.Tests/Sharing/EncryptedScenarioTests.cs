using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;
using static Ebs.Core.Tests.Sharing.SharingShorthands;

namespace Ebs.Core.Tests.Sharing;

/// <summary>
/// The two end-to-end stories of accounts, copies and keys, with encrypted data: a cross-Region disaster-recovery copy chain
/// under customer managed keys, and a snapshot and image passed from account A to B to C and then revoked by A.
/// </summary>
public sealed class EncryptedScenarioTests
{
    private const int B = TestCloud.BlockSize;
    private const string Dr = "ap-south-1";

    private static async Task<byte[]> ReadAsync(Ec2Client ec2, VolumeId volume, int blocks)
    {
        var bytes = new byte[blocks * B];
        await ec2.ReadAtAsync(volume, 0, bytes);
        return bytes;
    }

    [Fact]
    public async Task Disaster_recovery_copies_to_another_region_transfer_only_changes_and_restore_and_launch_there()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(Owner).Kms(TestCloud.Region);
        var drKms = t.Cloud.Account(Owner).Kms(Dr);
        var dr = t.Ec2Of(Owner, Dr);
        var key = (await kms.CreateKeyAsync(new() { Description = "prod" })).KeyMetadata.Arn;
        var drKey = (await drKms.CreateKeyAsync(new() { Description = "dr" })).KeyMetadata.Arn;
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true, KmsKeyId = key })).Volume;

        // Day 0: 10 blocks, copied whole; days 1-3: a few blocks each, copied incrementally under the DR key.
        int[][] writes = [[.. Enumerable.Range(0, 10)], [2, 11], [0, 5, 12], [7]];
        var expected = new byte[16 * B];
        SnapshotId? lastCopy = null;
        SnapshotId? lastSnapshot = null;
        for (var day = 0; day < writes.Length; day++)
        {
            foreach (var block in writes[day])
            {
                var bytes = TestCloud.Block((day * 100) + block);
                await t.Ec2.WriteAtAsync(volume.VolumeId, (long)block * B, bytes);
                bytes.CopyTo(expected, block * B);
            }

            var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
            var copied = (await dr.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = snapshot.SnapshotId, Encrypted = true, KmsKeyId = drKey })).SnapshotId;
            var copy = await dr.DescribeSnapshotAsync(copied);
            Assert.Equal(writes[day].Length * (long)B, copy.IncrementalSizeInBytes);
            Assert.Equal(snapshot.IncrementalSizeInBytes, copy.IncrementalSizeInBytes);
            Assert.Equal(drKey, copy.KmsKeyId);
            (lastCopy, lastSnapshot) = (copied, snapshot.SnapshotId);
            t.Time.Advance(TimeSpan.FromDays(1));
        }

        // The DR Region holds each distinct block once: 10 + 2 + 3 + 1.
        Assert.Equal(16L * B, (await dr.GetStorageUsageAsync(new())).StoredSizeInBytes);
        var restored = (await dr.CreateVolumeAsync(new() { AvailabilityZone = "ap-south-1b", SnapshotId = lastCopy!.Value })).Volume;
        Assert.Equal(drKey, restored.KmsKeyId);
        Assert.Equal(expected, await ReadAsync(dr, restored.VolumeId, 16));

        // CopyImage of an image over the newest snapshot, under the DR key: nothing left to transfer, and it launches there.
        var image = (await t.Ec2.RegisterImageAsync(new()
        {
            Name = "app",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, lastSnapshot!.Value)],
        })).ImageId;
        var drImage = (await dr.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "app", Encrypted = true, KmsKeyId = drKey })).ImageId;
        var mapping = (await dr.DescribeImageAsync(drImage)).BlockDeviceMappings.Single();
        Assert.Equal(0, (await dr.DescribeSnapshotAsync(mapping.Ebs!.SnapshotId)).IncrementalSizeInBytes);
        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ImageState.Available, (await dr.DescribeImageAsync(drImage)).State);
        var instance = await dr.LaunchAsync(drImage);
        var root = await dr.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root);
        Assert.Equal(drKey, (await dr.DescribeVolumeAsync(root)).KmsKeyId);
        Assert.Equal(expected, await ReadAsync(dr, root, 16));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task A_shares_with_B_who_launches_copies_and_reshares_with_C_and_A_revoking_leaves_what_B_made()
    {
        await using var t = new TestCloud();
        var a = t.Ec2;
        var b = t.Ec2Of(Recipient);
        var c = t.Ec2Of(Anyone);
        var aKms = t.Cloud.Account(Owner).Kms(TestCloud.Region);
        var bKms = t.Cloud.Account(Recipient).Kms(TestCloud.Region);
        var aKey = (await aKms.CreateKeyAsync(new())).KeyMetadata.Arn;
        var volume = (await a.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true, KmsKeyId = aKey })).Volume;
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], seedBase: 600);
        var expected = await t.ReadAsync(volume.VolumeId, 0, 3 * B);
        var snapshot = await t.CompleteAsync(await a.TakeSnapshotAsync(volume.VolumeId));
        var image = (await a.RegisterImageAsync(new()
        {
            Name = "shared app",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, snapshot.SnapshotId)],
        })).ImageId;

        // A shares the snapshot and the image with B, and grants B its key.
        await a.ShareAsync(snapshot.SnapshotId, Recipient);
        await a.ShareAsync(image, Recipient);
        var grant = await aKms.CreateGrantAsync(new() { KeyId = aKey, GranteePrincipal = Recipient, Operations = [GrantOperation.Decrypt, GrantOperation.CreateGrant] });

        // B launches from A's image and copies A's snapshot under a key of its own, which it grants to C.
        var instance = await b.LaunchAsync(image);
        var bKey = (await bKms.CreateKeyAsync(new())).KeyMetadata.Arn;
        var copy = (await b.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = snapshot.SnapshotId, Encrypted = true, KmsKeyId = bKey })).SnapshotId;
        // A common mistake: a copy under B's default (AWS managed) key cannot be shared onward.
        var managedCopy = (await b.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = snapshot.SnapshotId })).SnapshotId;
        t.Time.Advance(TimeSpan.FromHours(1));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.ShareAsync(managedCopy, Anyone).AsTask(), EbsErrorCodes.OperationNotPermitted);
        await b.ShareAsync(copy, Anyone);
        await bKms.CreateGrantAsync(new() { KeyId = bKey, GranteePrincipal = Anyone, Operations = [GrantOperation.Decrypt] });
        var cVolume = (await c.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1b", SnapshotId = copy })).Volume;
        Assert.Equal(expected, await ReadAsync(c, cVolume.VolumeId, 3));
        // C cannot reach A's original, nor re-share B's copy.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => c.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => c.ShareAsync(copy, Stranger).AsTask(), EbsErrorCodes.UnauthorizedOperation);

        // A revokes everything: the shares and the grant.
        await a.ShareAsync(snapshot.SnapshotId, Recipient, OperationType.Remove);
        await a.ShareAsync(image, Recipient, OperationType.Remove);
        await aKms.RevokeGrantAsync(new() { KeyId = aKey, GrantId = grant.GrantId });

        // B can no longer create volumes from A's original nor launch A's image; its copy, instance and C's volume keep working.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.LaunchAsync(image), EbsErrorCodes.AuthFailure);
        var root = await b.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root);
        Assert.Equal(expected, await ReadAsync(b, root, 3));
        var fromCopy = (await b.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = copy })).Volume;
        Assert.Equal(bKey, fromCopy.KmsKeyId);
        Assert.Equal(expected, await ReadAsync(b, fromCopy.VolumeId, 3));
        Assert.Equal(expected, await ReadAsync(c, cVolume.VolumeId, 3));
        Assert.Equal(expected, await ReadAsync(a, (await a.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId })).Volume.VolumeId, 3));

        // Re-shared without the grant, the snapshot is visible to B again but not usable.
        await a.ShareAsync(snapshot.SnapshotId, Recipient);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
    }
}
