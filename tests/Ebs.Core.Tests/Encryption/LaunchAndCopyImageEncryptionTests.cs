using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Encryption;

/// <summary>
/// RunInstances mapping <c>Encrypted</c> / <c>KmsKeyId</c> and CopyImage <c>Encrypted</c> / <c>KmsKeyId</c>, as AWS's "Use encryption
/// with EBS-backed AMIs" describes them: encrypting at launch or copy, re-encrypting under a chosen key, never decrypting.
/// </summary>
public sealed class LaunchAndCopyImageEncryptionTests
{
    private const string West = "us-west-2";

    private static KmsClient Kms(TestCloud t, string region = TestCloud.Region) => t.Cloud.Account(TestCloud.Account).Kms(region);

    private static async Task<string> ManagedKeyAsync(TestCloud t, string region = TestCloud.Region)
        => (await Kms(t, region).DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata.Arn;

    private static LaunchBlockDeviceMapping Encrypt(string device, bool? encrypted = true, string? key = null)
        => new() { DeviceName = device, Ebs = new LaunchEbsBlockDevice { Encrypted = encrypted, KmsKeyId = key } };

    private static async Task<Instance> LaunchAsync(TestCloud t, ImageId image, params LaunchBlockDeviceMapping[] mappings)
        => (await t.Ec2.RunInstancesAsync(new() { ImageId = image, MinCount = 1, MaxCount = 1, BlockDeviceMappings = mappings })).Reservation.Instances.Single();

    private static async Task<Volume> VolumeAsync(TestCloud t, Instance instance, string device)
        => await t.Ec2.DescribeVolumeAsync(await t.Ec2.VolumeAtAsync(instance.InstanceId, device));

    private static async Task<byte[]> ReadBlockAsync(Ec2Client ec2, VolumeId volume, int block)
    {
        var bytes = new byte[TestCloud.BlockSize];
        await ec2.ReadAtAsync(volume, (long)block * TestCloud.BlockSize, bytes);
        return bytes;
    }

    /// <summary>An image over one snapshot of blocks 0 and 1 encrypted with <paramref name="key"/>.</summary>
    private static async Task<ImageId> EncryptedImageAsync(TestCloud t, string key)
    {
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true, KmsKeyId = key })).Volume;
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 300);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        return (await t.Ec2.RegisterImageAsync(new()
        {
            Name = "encrypted",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, snapshot.SnapshotId)],
        })).ImageId;
    }

    [Fact]
    public async Task RunInstances_EncryptedOnAnUnencryptedImage_EncryptsThatVolumeWithTheDefaultKeyOnly()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();

        var instance = await LaunchAsync(t, image, Encrypt(InstanceShorthands.Root));

        var root = await VolumeAsync(t, instance, InstanceShorthands.Root);
        var data = await VolumeAsync(t, instance, InstanceShorthands.Data);
        Assert.Equal(await ManagedKeyAsync(t), root.KmsKeyId);
        Assert.False(data.Encrypted);
        Assert.Equal(TestCloud.Block(103), await ReadBlockAsync(t.Ec2, root.VolumeId, 3));
        Assert.Equal(TestCloud.Block(205), await ReadBlockAsync(t.Ec2, data.VolumeId, 5));
        Assert.All((await t.Ec2.DescribeImageAsync(image)).BlockDeviceMappings, m => Assert.False(m.Ebs!.Encrypted));
    }

    [Fact]
    public async Task RunInstances_ChosenKey_EncryptsAndReencryptsUnderIt()
    {
        await using var t = new TestCloud();
        var original = (await Kms(t).CreateKeyAsync(new())).KeyMetadata.Arn;
        var chosen = (await Kms(t).CreateKeyAsync(new())).KeyMetadata;
        var plain = await t.RegisterImageAsync();
        var encrypted = await EncryptedImageAsync(t, original);

        var fromPlain = await LaunchAsync(t, plain, Encrypt(InstanceShorthands.Root, key: chosen.KeyId), Encrypt(InstanceShorthands.Data, key: chosen.Arn));
        var fromEncrypted = await LaunchAsync(t, encrypted, Encrypt(InstanceShorthands.Root, key: chosen.KeyId));

        Assert.Equal(chosen.Arn, (await VolumeAsync(t, fromPlain, InstanceShorthands.Root)).KmsKeyId);
        Assert.Equal(chosen.Arn, (await VolumeAsync(t, fromPlain, InstanceShorthands.Data)).KmsKeyId);
        var reencrypted = await VolumeAsync(t, fromEncrypted, InstanceShorthands.Root);
        Assert.Equal(chosen.Arn, reencrypted.KmsKeyId);
        Assert.Equal(TestCloud.Block(301), await ReadBlockAsync(t.Ec2, reencrypted.VolumeId, 1));
        // Without a change the owner's launch keeps the snapshot's key.
        Assert.Equal(original, (await VolumeAsync(t, await LaunchAsync(t, encrypted), InstanceShorthands.Root)).KmsKeyId);
    }

    [Fact]
    public async Task RunInstances_EncryptedFalseOnAnEncryptedImage_StaysEncrypted()
    {
        await using var t = new TestCloud();
        var key = (await Kms(t).CreateKeyAsync(new())).KeyMetadata.Arn;
        var image = await EncryptedImageAsync(t, key);

        var instance = await LaunchAsync(t, image, Encrypt(InstanceShorthands.Root, encrypted: false));

        var root = await VolumeAsync(t, instance, InstanceShorthands.Root);
        Assert.True(root.Encrypted);
        Assert.Equal(key, root.KmsKeyId);
    }

    [Fact]
    public async Task RunInstances_BadEncryptionParameters_RefusedAndNothingChanges()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var disabled = (await Kms(t).CreateKeyAsync(new())).KeyMetadata.KeyId;
        await Kms(t).DisableKeyAsync(new() { KeyId = disabled });
        var westKey = (await Kms(t, West).CreateKeyAsync(new())).KeyMetadata.Arn;
        var unknown = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000";

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, Encrypt(InstanceShorthands.Root, encrypted: null, key: disabled)), EbsErrorCodes.InvalidParameterDependency);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, Encrypt(InstanceShorthands.Root, encrypted: false, key: disabled)), EbsErrorCodes.InvalidParameterDependency);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, Encrypt(InstanceShorthands.Data, key: unknown)), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, Encrypt(InstanceShorthands.Data, key: westKey)), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => LaunchAsync(t, image, Encrypt(InstanceShorthands.Root, key: disabled)), EbsErrorCodes.InvalidKmsKeyInvalidState);
        Assert.Empty(await t.Ec2.ListVolumesAsync());
    }

    [Fact]
    public async Task CreateImage_EncryptionChange_RefusedAndNothingChanges()
    {
        await using var t = new TestCloud();
        var instance = await t.LaunchAsync(await t.RegisterImageAsync());
        t.Time.Advance(TimeSpan.FromMinutes(1));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateImageAsync(new() { InstanceId = instance.InstanceId, Name = "re-keyed", BlockDeviceMappings = [Encrypt(InstanceShorthands.Root)] }).AsTask(), EbsErrorCodes.InvalidBlockDeviceMapping);
    }

    [Fact]
    public async Task CopyImage_Encrypted_EncryptsEveryBackingSnapshotWithTheDestinationDefaultKey()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var west = t.Cloud.Account(TestCloud.Account).Ec2(West);

        var copy = (await west.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "encrypted copy", Encrypted = true })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));

        var described = await west.DescribeImageAsync(copy);
        var westKey = await ManagedKeyAsync(t, West);
        Assert.Equal(2, described.BlockDeviceMappings.Count);
        Assert.All(described.BlockDeviceMappings, m => Assert.Equal(westKey, m.Ebs!.KmsKeyId));
        Assert.All(described.BlockDeviceMappings, m => Assert.True(m.Ebs!.Encrypted));
        foreach (var mapping in described.BlockDeviceMappings)
        {
            Assert.Equal(westKey, (await west.DescribeSnapshotAsync(mapping.Ebs!.SnapshotId)).KmsKeyId);
        }

        var launched = (await west.RunInstancesAsync(new() { ImageId = copy, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single();
        Assert.Equal(TestCloud.Block(102), await ReadBlockAsync(west, await west.VolumeAtAsync(launched.InstanceId, InstanceShorthands.Root), 2));
        Assert.All((await t.Ec2.DescribeImageAsync(image)).BlockDeviceMappings, m => Assert.False(m.Ebs!.Encrypted));
    }

    [Fact]
    public async Task CopyImage_ChosenKey_EncryptsPlainAndReencryptsEncryptedSnapshotsUnderIt()
    {
        await using var t = new TestCloud();
        var original = (await Kms(t).CreateKeyAsync(new())).KeyMetadata.Arn;
        var chosen = (await Kms(t).CreateKeyAsync(new())).KeyMetadata;
        var plain = await t.RegisterImageAsync();
        var encrypted = await EncryptedImageAsync(t, original);

        var plainCopy = (await t.Ec2.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = plain, Name = "plain re-keyed", Encrypted = true, KmsKeyId = chosen.KeyId })).ImageId;
        var encryptedCopy = (await t.Ec2.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = encrypted, Name = "re-keyed", Encrypted = true, KmsKeyId = chosen.Arn })).ImageId;
        var keptCopy = (await t.Ec2.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = encrypted, Name = "kept", Encrypted = false })).ImageId;
        t.Time.Advance(TimeSpan.FromHours(1));

        Assert.All((await t.Ec2.DescribeImageAsync(plainCopy)).BlockDeviceMappings, m => Assert.Equal(chosen.Arn, m.Ebs!.KmsKeyId));
        Assert.All((await t.Ec2.DescribeImageAsync(encryptedCopy)).BlockDeviceMappings, m => Assert.Equal(chosen.Arn, m.Ebs!.KmsKeyId));
        // Encrypted = false never decrypts: the owner's copy within the Region keeps the source's key.
        Assert.All((await t.Ec2.DescribeImageAsync(keptCopy)).BlockDeviceMappings, m => Assert.Equal(original, m.Ebs!.KmsKeyId));
        var launched = await t.LaunchAsync(encryptedCopy);
        Assert.Equal(TestCloud.Block(300), await ReadBlockAsync(t.Ec2, await t.Ec2.VolumeAtAsync(launched.InstanceId, InstanceShorthands.Root), 0));
    }

    [Fact]
    public async Task CopyImage_BadEncryptionParameters_RefusedAndNothingChanges()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var west = t.Cloud.Account(TestCloud.Account).Ec2(West);
        var eastKey = (await Kms(t).CreateKeyAsync(new())).KeyMetadata.Arn;
        var disabled = (await Kms(t, West).CreateKeyAsync(new())).KeyMetadata.Arn;
        await Kms(t, West).DisableKeyAsync(new() { KeyId = disabled });

        CopyImageRequest Copy(bool? encrypted, string? key) => new() { SourceRegion = TestCloud.Region, SourceImageId = image, Name = "copy", Encrypted = encrypted, KmsKeyId = key };
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => west.CopyImageAsync(Copy(null, disabled)).AsTask(), EbsErrorCodes.InvalidParameterDependency);
        // A key must be in the destination Region ("The specified KMS key must exist in the destination Region").
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => west.CopyImageAsync(Copy(true, eastKey)).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => west.CopyImageAsync(Copy(true, disabled)).AsTask(), EbsErrorCodes.InvalidKmsKeyInvalidState);
        Assert.Empty(await west.ListImagesAsync());
    }
}
