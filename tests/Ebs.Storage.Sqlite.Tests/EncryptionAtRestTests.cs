using System.Text;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Tests;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Encrypted volumes on the durable local directory: no plaintext in any file, and everything still reads and checks after a reopen.</summary>
public sealed class EncryptionAtRestTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 11 };

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task RawFiles_DistinctivePlaintextWritten_FoundOnlyWhenUnencrypted(bool encrypted, bool expectFound)
    {
        using var dir = new TempDirectory();
        var marker = Encoding.ASCII.GetBytes("EBS-AT-REST-CANARY-7f3c9a");
        var block = Canary(marker);
        VolumeId volumeId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volumeId = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = encrypted })).Volume.VolumeId;
            await ec2.WriteAtAsync(volumeId, 0, block);
            await ec2.TakeSnapshotAsync(volumeId);
            await ec2.WriteAtAsync(volumeId, 2 * B, block.AsMemory(0, 100));
        }

        var found = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(marker) >= 0).ToList();

        Assert.Equal(expectFound, found.Count > 0);
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var bytes = new byte[B];
            await cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).ReadAtAsync(volumeId, 0, bytes);
            var report = await cloud.ScrubAsync(verifyContents: true);

            Assert.Equal(block, bytes);
            Assert.True(report.IsClean, report.ToString());
        }

        var inspection = await LocalDirectory.InspectAsync(dir.Path, Options);
        Assert.True(inspection.IsClean, string.Join(", ", inspection.DamagedChunkFiles));
    }

    [Fact]
    public async Task KmsState_Reopened_KeysGrantsDefaultsAndScheduledDeletionKept()
    {
        using var dir = new TempDirectory();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        KeyMetadata kept, doomed;
        string grantId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var kms = cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
            kept = (await kms.CreateKeyAsync(new() { Description = "kept" })).KeyMetadata;
            doomed = (await kms.CreateKeyAsync(new() { Description = "doomed" })).KeyMetadata;
            grantId = (await kms.CreateGrantAsync(new() { KeyId = kept.KeyId, GranteePrincipal = "222222222222", Operations = [GrantOperation.Decrypt] })).GrantId;
            await kms.ScheduleKeyDeletionAsync(new() { KeyId = doomed.KeyId, PendingWindowInDays = 7 });
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            await ec2.EnableEbsEncryptionByDefaultAsync(new());
            await ec2.ModifyEbsDefaultKmsKeyIdAsync(new() { KmsKeyId = kept.Arn });
        }

        time.Advance(TimeSpan.FromDays(8));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var kms = cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

            Assert.Equal(kept, (await kms.DescribeKeyAsync(new() { KeyId = kept.KeyId })).KeyMetadata);
            Assert.Equal(grantId, Assert.Single((await kms.ListGrantsAsync(new() { KeyId = kept.KeyId })).Grants).GrantId);
            Assert.Equal(EbsErrorCodes.NotFoundException, (await Assert.ThrowsAsync<EbsException>(() => kms.DescribeKeyAsync(new() { KeyId = doomed.KeyId }).AsTask())).ErrorCode);
            Assert.True((await ec2.GetEbsEncryptionByDefaultAsync(new())).EbsEncryptionByDefault);
            Assert.Equal(kept.Arn, (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.KmsKeyId);
        }
    }

    private static byte[] Canary(byte[] marker)
    {
        var block = new byte[B];
        for (var offset = 0; offset + marker.Length <= B; offset += marker.Length)
        {
            marker.CopyTo(block, offset);
        }

        return block;
    }
}
