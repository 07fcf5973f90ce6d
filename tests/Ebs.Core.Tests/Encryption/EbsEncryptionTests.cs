using System.Text;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Encryption;

public sealed class EbsEncryptionTests
{
    private const int B = TestCloud.BlockSize;
    private const string Zone = "us-east-1a";

    private static KmsClient Kms(TestCloud t) => t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);

    private static async Task<KeyMetadata> NewKeyAsync(TestCloud t) => (await Kms(t).CreateKeyAsync(new())).KeyMetadata;

    private static async Task<Volume> EncryptedVolumeAsync(TestCloud t, string? keyId = null)
        => (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = true, KmsKeyId = keyId })).Volume;

    private static async Task<byte[]> ReadBlockAsync(TestCloud t, VolumeId volume, int block)
    {
        var bytes = new byte[B];
        await t.Ec2.ReadAtAsync(volume, (long)block * B, bytes);
        return bytes;
    }

    [Fact]
    public async Task EncryptionByDefault_OffUntilEnabled_ThenNewVolumesEncryptedWithTheManagedKey()
    {
        await using var t = new TestCloud();
        var before = (await t.Ec2.GetEbsEncryptionByDefaultAsync(new())).EbsEncryptionByDefault;
        var plain = await t.CreateVolumeAsync();

        Assert.True((await t.Ec2.EnableEbsEncryptionByDefaultAsync(new())).EbsEncryptionByDefault);
        var encrypted = await t.CreateVolumeAsync();
        var managed = (await Kms(t).DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata;
        Assert.False((await t.Ec2.DisableEbsEncryptionByDefaultAsync(new())).EbsEncryptionByDefault);
        var plainAgain = await t.CreateVolumeAsync();

        Assert.False(before);
        Assert.False(plain.Encrypted);
        Assert.Null(plain.KmsKeyId);
        Assert.True(encrypted.Encrypted);
        Assert.Equal(managed.Arn, encrypted.KmsKeyId);
        Assert.False(plainAgain.Encrypted);
        Assert.False((await t.Ec2.GetEbsEncryptionByDefaultAsync(new())).EbsEncryptionByDefault);
    }

    [Fact]
    public async Task DefaultKmsKeyId_ModifiedThenReset_NewVolumesFollow()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        var initial = (await t.Ec2.GetEbsDefaultKmsKeyIdAsync(new())).KmsKeyId;

        var modified = (await t.Ec2.ModifyEbsDefaultKmsKeyIdAsync(new() { KmsKeyId = key.KeyId })).KmsKeyId;
        var described = (await t.Ec2.GetEbsDefaultKmsKeyIdAsync(new())).KmsKeyId;
        var withCustomer = await EncryptedVolumeAsync(t);
        var reset = (await t.Ec2.ResetEbsDefaultKmsKeyIdAsync(new())).KmsKeyId;
        var withManaged = await EncryptedVolumeAsync(t);

        Assert.Equal("alias/aws/ebs", initial);
        Assert.Equal(key.Arn, modified);
        Assert.Equal(key.Arn, described);
        Assert.Equal(key.Arn, withCustomer.KmsKeyId);
        Assert.Equal("alias/aws/ebs", reset);
        Assert.Equal((await Kms(t).DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata.Arn, withManaged.KmsKeyId);
    }

    [Fact]
    public async Task ModifyEbsDefaultKmsKeyId_UnknownOrDisabled_RefusedAndUnchanged()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        await Kms(t).DisableKeyAsync(new() { KeyId = key.KeyId });

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ModifyEbsDefaultKmsKeyIdAsync(new() { KmsKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab" }).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ModifyEbsDefaultKmsKeyIdAsync(new() { KmsKeyId = key.KeyId }).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
    }

    [Fact]
    public async Task CreateVolume_KmsKeyIdWithoutEncrypted_InvalidParameterDependencyAndUnchanged()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, KmsKeyId = key.KeyId }).AsTask(), EbsErrorCodes.InvalidParameterDependency);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = false, KmsKeyId = key.KeyId }).AsTask(), EbsErrorCodes.InvalidParameterDependency);
    }

    [Fact]
    public async Task CreateVolume_UnknownKey_InvalidParameterValueAndUnchanged()
    {
        await using var t = new TestCloud();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, Size = 1, Encrypted = true, KmsKeyId = "alias/nope" }).AsTask(), EbsErrorCodes.InvalidParameterValue);
    }

    [Fact]
    public async Task EncryptedVolume_WrittenAndRead_SameBytesAndSnapshotCarriesTheKey()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        var volume = await EncryptedVolumeAsync(t, key.Arn);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 3 * B, TestCloud.Block(7));
        await t.Ec2.WriteAtAsync(volume.VolumeId, 5 * B + 100, new byte[] { 1, 2, 3 });

        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        Assert.Equal(key.Arn, volume.KmsKeyId);
        Assert.Equal(TestCloud.Block(7), await ReadBlockAsync(t, volume.VolumeId, 3));
        Assert.Equal(new byte[] { 0, 1, 2, 3, 0 }, (await ReadBlockAsync(t, volume.VolumeId, 5))[99..104]);
        Assert.True(snapshot.Encrypted);
        Assert.Equal(key.Arn, snapshot.KmsKeyId);
    }

    [Fact]
    public async Task CreateVolume_FromEncryptedSnapshot_EncryptedWithItsKeyEvenIfAskedOtherwise()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        var volume = await EncryptedVolumeAsync(t, key.KeyId);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));

        var restored = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = snapshot.SnapshotId, Encrypted = false })).Volume;

        Assert.Equal(key.Arn, restored.KmsKeyId);
        Assert.Equal(TestCloud.Block(1), await ReadBlockAsync(t, restored.VolumeId, 0));
    }

    [Fact]
    public async Task CreateVolume_FromSnapshotWithAnotherKey_ReEncryptedSameBytesNoSharedChunks()
    {
        await using var t = new TestCloud();
        var first = await NewKeyAsync(t);
        var second = await NewKeyAsync(t);
        var volume = await EncryptedVolumeAsync(t, first.KeyId);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var chunksBefore = t.StoredChunks;

        var rekeyed = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = snapshot.SnapshotId, Encrypted = true, KmsKeyId = second.Arn })).Volume;

        Assert.Equal(second.Arn, rekeyed.KmsKeyId);
        Assert.Equal(TestCloud.Block(1), await ReadBlockAsync(t, rekeyed.VolumeId, 0));
        Assert.Equal(chunksBefore + 1, t.StoredChunks);
    }

    [Fact]
    public async Task CreateVolume_FromPlainSnapshotEncrypted_ReadsTheSameBytes()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Ec2.WriteAtAsync(volume.VolumeId, B, TestCloud.Block(2));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));

        var encrypted = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = snapshot.SnapshotId, Encrypted = true })).Volume;

        Assert.True(encrypted.Encrypted);
        Assert.Equal(TestCloud.Block(2), await ReadBlockAsync(t, encrypted.VolumeId, 1));
        Assert.Equal(2, t.StoredChunks);
    }

    [Fact]
    public async Task SamePlaintext_TwoKeys_TwoChunks_OneKey_OneChunk()
    {
        await using var t = new TestCloud();
        var first = await NewKeyAsync(t);
        var second = await NewKeyAsync(t);
        var a = await EncryptedVolumeAsync(t, first.KeyId);
        var b = await EncryptedVolumeAsync(t, first.KeyId);
        var c = await EncryptedVolumeAsync(t, second.KeyId);
        var plain = await t.CreateVolumeAsync();

        await t.Ec2.WriteAtAsync(a.VolumeId, 0, TestCloud.Block(9));
        await t.Ec2.WriteAtAsync(b.VolumeId, 0, TestCloud.Block(9));
        var oneKey = t.StoredChunks;
        await t.Ec2.WriteAtAsync(c.VolumeId, 0, TestCloud.Block(9));
        var twoKeys = t.StoredChunks;
        await t.Ec2.WriteAtAsync(plain.VolumeId, 0, TestCloud.Block(9));

        Assert.Equal(1, oneKey);
        Assert.Equal(2, twoKeys);
        Assert.Equal(3, t.StoredChunks);
    }

    [Fact]
    public async Task CopySnapshot_PlainEncryptedOrReKeyed_AwsOutcomes()
    {
        await using var t = new TestCloud();
        var first = await NewKeyAsync(t);
        var second = await NewKeyAsync(t);
        var plain = await t.CreateVolumeAsync();
        await t.Ec2.WriteAtAsync(plain.VolumeId, 0, TestCloud.Block(4));
        var plainSnapshot = await t.Ec2.TakeSnapshotAsync(plain.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));

        var stillPlain = await CopyAsync(t, plainSnapshot.SnapshotId, encrypted: null, key: null);
        var encrypted = await CopyAsync(t, plainSnapshot.SnapshotId, encrypted: true, key: first.KeyId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var sameKey = await CopyAsync(t, encrypted.SnapshotId, encrypted: false, key: null);
        var rekeyed = await CopyAsync(t, encrypted.SnapshotId, encrypted: true, key: second.Arn);
        t.Time.Advance(TimeSpan.FromHours(1));
        var fromRekeyed = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = rekeyed.SnapshotId })).Volume;

        Assert.Null(stillPlain.KmsKeyId);
        Assert.Equal(first.Arn, encrypted.KmsKeyId);
        Assert.Equal(first.Arn, sameKey.KmsKeyId);
        Assert.Equal(second.Arn, rekeyed.KmsKeyId);
        Assert.Equal(TestCloud.Block(4), await ReadBlockAsync(t, fromRekeyed.VolumeId, 0));
    }

    [Fact]
    public async Task CopySnapshot_EncryptedToAnotherRegion_DestinationDefaultKey()
    {
        await using var t = new TestCloud();
        var volume = await EncryptedVolumeAsync(t);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(4));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var west = t.Cloud.Account(TestCloud.Account).Ec2("us-west-2");

        var copy = await west.DescribeSnapshotAsync((await west.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = snapshot.SnapshotId })).SnapshotId);

        var westKey = (await t.Cloud.Account(TestCloud.Account).Kms("us-west-2").DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata;
        Assert.Equal(westKey.Arn, copy.KmsKeyId);
        Assert.NotEqual(volume.KmsKeyId, copy.KmsKeyId);
    }

    [Fact]
    public async Task DisabledKey_VolumeAndSnapshotUnusable_UntilEnabledAgain()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        var volume = await EncryptedVolumeAsync(t, key.KeyId);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(5));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        await Kms(t).DisableKeyAsync(new() { KeyId = key.KeyId });

        var read = await Assert.ThrowsAsync<EbsException>(() => ReadBlockAsync(t, volume.VolumeId, 0));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(6)).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
        await Kms(t).EnableKeyAsync(new() { KeyId = key.KeyId });

        Assert.Equal(EbsErrorCodes.InvalidKmsKeyInvalidState, read.ErrorCode);
        Assert.Equal(TestCloud.Block(5), await ReadBlockAsync(t, volume.VolumeId, 0));
        Assert.Equal(key.Arn, (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = Zone, SnapshotId = snapshot.SnapshotId })).Volume.KmsKeyId);
    }

    [Fact]
    public async Task DeletedKey_DataUnreadableForeverAndScrubStillClean()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        var volume = await EncryptedVolumeAsync(t, key.KeyId);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(5));
        await Kms(t).ScheduleKeyDeletionAsync(new() { KeyId = key.KeyId, PendingWindowInDays = 7 });

        var pending = await Assert.ThrowsAsync<EbsException>(() => ReadBlockAsync(t, volume.VolumeId, 0));
        t.Time.Advance(TimeSpan.FromDays(7));
        var deleted = await Assert.ThrowsAsync<EbsException>(() => ReadBlockAsync(t, volume.VolumeId, 0));
        var report = await t.Cloud.ScrubAsync(verifyContents: true);

        Assert.Equal(EbsErrorCodes.InvalidKmsKeyInvalidState, pending.ErrorCode);
        Assert.Equal(EbsErrorCodes.InvalidKmsKeyInvalidState, deleted.ErrorCode);
        Assert.True(report.IsClean, report.ToString());
    }

    [Fact]
    public async Task Scrub_EncryptedAndPlainData_VerifiesContentsClean()
    {
        await using var t = new TestCloud();
        var volume = await EncryptedVolumeAsync(t);
        var plain = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], 10);
        await t.WriteBlocksAsync(plain.VolumeId, [0, 1], 20);
        await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, [3], 30);

        var report = await t.Cloud.ScrubAsync(verifyContents: true);

        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(6, report.StoredChunks);
    }

    [Fact]
    public async Task Image_FromEncryptedSnapshot_MappingReportsEncryption()
    {
        await using var t = new TestCloud();
        var volume = await EncryptedVolumeAsync(t);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, Encoding.ASCII.GetBytes("boot"));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        var image = await t.Ec2.RegisterAndDescribeImageAsync(new() { Name = "encrypted", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] });

        var ebs = Assert.Single(image.BlockDeviceMappings).Ebs;
        Assert.True(ebs.Encrypted);
        Assert.Equal(volume.KmsKeyId, ebs.KmsKeyId);
    }

    [Fact]
    public async Task Describe_EncryptedFilter_SplitsVolumesAndSnapshots()
    {
        await using var t = new TestCloud();
        var encrypted = await EncryptedVolumeAsync(t);
        var plain = await t.CreateVolumeAsync();
        var encryptedSnapshot = await t.Ec2.TakeSnapshotAsync(encrypted.VolumeId);
        await t.Ec2.TakeSnapshotAsync(plain.VolumeId);
        Filter[] isEncrypted = [new("encrypted", "true")];

        var volumes = await t.Ec2.ListVolumesAsync(new() { Filters = isEncrypted });
        var snapshots = await t.Ec2.ListSnapshotsAsync(new() { Filters = isEncrypted });

        Assert.Equal([encrypted.VolumeId], volumes.Select(v => v.VolumeId));
        Assert.Equal([encryptedSnapshot.SnapshotId], snapshots.Select(s => s.SnapshotId));
    }

    [Fact]
    public async Task RunInstances_ImageOfEncryptedSnapshot_VolumeEncryptedWithItsKeyRefusedWhileDisabled()
    {
        await using var t = new TestCloud();
        var key = await NewKeyAsync(t);
        var volume = await EncryptedVolumeAsync(t, key.KeyId);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(8));
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var image = (await t.Ec2.RegisterImageAsync(new() { Name = "encrypted", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] })).ImageId;
        RunInstancesRequest launch = new() { ImageId = image, MinCount = 1, MaxCount = 1, Placement = new() { AvailabilityZone = Zone } };

        await Kms(t).DisableKeyAsync(new() { KeyId = key.KeyId });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.RunInstancesAsync(launch).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
        await Kms(t).EnableKeyAsync(new() { KeyId = key.KeyId });
        var instance = (await t.Ec2.RunInstancesAsync(launch)).Reservation.Instances.Single();
        var root = await t.Ec2.DescribeVolumeAsync(instance.BlockDeviceMappings.Single().Ebs.VolumeId);

        Assert.Equal(key.Arn, root.KmsKeyId);
        Assert.Equal(TestCloud.Block(8), await ReadBlockAsync(t, root.VolumeId, 0));
    }

    private static async Task<Snapshot> CopyAsync(TestCloud t, SnapshotId source, bool? encrypted, string? key)
        => await t.Ec2.DescribeSnapshotAsync((await t.Ec2.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = source, Encrypted = encrypted, KmsKeyId = key })).SnapshotId);
}
