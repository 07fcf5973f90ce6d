using System.Security.Cryptography;
using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Direct;

/// <summary>The EBS direct APIs over an EC2 snapshot whose chunks are sealed under a KMS key.</summary>
public sealed class EncryptedDirectTests
{
    [Fact]
    public async Task GetSnapshotBlock_of_an_encrypted_snapshot_returns_the_plaintext_and_its_checksum()
    {
        await using var t = new TestCloud();
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true })).Volume;
        await t.Ec2.WriteAtAsync(volume.VolumeId, 2 * TestCloud.BlockSize, TestCloud.Block(5));
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var direct = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

        var block = Assert.Single((await direct.ListSnapshotBlocksAsync(new() { SnapshotId = snapshot.SnapshotId })).Blocks);
        var got = await direct.GetSnapshotBlockAsync(new() { SnapshotId = snapshot.SnapshotId, BlockIndex = block.BlockIndex, BlockToken = block.BlockToken });

        var bytes = new byte[got.DataLength];
        await got.BlockData.ReadExactlyAsync(bytes);
        Assert.Equal(2, block.BlockIndex);
        Assert.Equal(TestCloud.Block(5), bytes);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(bytes)), got.Checksum);
    }

    [Fact]
    public async Task StartSnapshot_on_an_encrypted_parent_is_refused_and_changes_nothing()
    {
        await using var t = new TestCloud();
        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true })).Volume;
        var parent = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var direct = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

        Task Start() => direct.StartSnapshotAsync(new() { VolumeSize = 1, ParentSnapshotId = parent.SnapshotId }).AsTask();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, Start, EbsErrorCodes.ValidationException);
        Assert.Equal(EbsErrorReasons.InvalidParameterValue, (await Assert.ThrowsAsync<EbsException>(Start)).Reason);
    }
}
