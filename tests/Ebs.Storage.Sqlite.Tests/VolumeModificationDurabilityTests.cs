using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Volume types and modifications on the durable local directory: kept across reopening, a modification completing on schedule.</summary>
public sealed class VolumeModificationDurabilityTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 13 };

    [Fact]
    public async Task ModificationInProgress_SurvivesReopening_AppliesAndCompletesOnSchedule()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var start = time.GetUtcNow();
        VolumeId volumeId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, VolumeType = VolumeType.Gp3, Throughput = 200 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volumeId, (1L << 30) - B, TestCloud.Block(7));
            await ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volumeId, Size = 8, Iops = 4000 });
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var before = await ec2.DescribeVolumeAsync(volumeId);
            Assert.Equal((VolumeType.Gp3, 1, 3000, 200), (before.VolumeType, before.Size, before.Iops!.Value, before.Throughput!.Value));

            // A minute of modifying, then 8 s of optimizing (one per GiB of the target).
            time.SetUtcNow(start + TimeSpan.FromMinutes(1));
            var after = await ec2.DescribeVolumeAsync(volumeId);
            Assert.Equal((8, 4000, 200), (after.Size, after.Iops!.Value, after.Throughput!.Value));
            Assert.Equal(TestCloud.Block(7), await ReadAsync(ec2, volumeId, (1L << 30) - B));
            Assert.Equal(new byte[B], await ReadAsync(ec2, volumeId, (8L << 30) - B));
        }

        time.SetUtcNow(start + TimeSpan.FromSeconds(68));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var modification = Assert.Single((await ec2.DescribeVolumesModificationsAsync(new() { VolumeIds = [volumeId] })).VolumesModifications);
            Assert.Equal((VolumeModificationState.Completed, 100L, (DateTimeOffset?)(start + TimeSpan.FromSeconds(68))), (modification.ModificationState, modification.Progress, modification.EndTime));
            Assert.Equal((1, 8, 3000, 4000), (modification.OriginalSize, modification.TargetSize, modification.OriginalIops!.Value, modification.TargetIops!.Value));
            var refused = await Assert.ThrowsAsync<EbsException>(() => ec2.ModifyVolumeAsync(new ModifyVolumeRequest { VolumeId = volumeId, Size = 9 }).AsTask());
            Assert.Equal(EbsErrorCodes.VolumeModificationRateExceeded, refused.ErrorCode);
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        }
    }

    private static async Task<byte[]> ReadAsync(Ec2Client ec2, VolumeId volumeId, long offset)
    {
        var buffer = new byte[B];
        await ec2.ReadAtAsync(volumeId, offset, buffer);
        return buffer;
    }
}
