using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Ebs.Core.Tests;
using Ebs.Core.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Imports on the durable local directory: nothing half done survives a refusal, a failure, or a process that died.</summary>
public sealed class ImportVolumeTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 5 };

    [Fact]
    public async Task ImportVolume_Refused_NoVolumeAndNoChunkFile()
    {
        using var dir = new TempDirectory();
        await using var cloud = await LocalDirectory.OpenAsync(dir.Path, Options);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

        var error = await Assert.ThrowsAsync<EbsException>(() => ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-9z", Source = new MemoryStream(TestCloud.Image(40 * B, seed: 1)) }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidZoneNotFound, error.ErrorCode);
        Assert.Empty(await ec2.ListVolumesAsync());
        Assert.Equal(0, (await cloud.ScrubAsync()).StoredChunks);
    }

    [Fact]
    public async Task ImportVolume_SourceFailsMidway_NoVolumeAndNoChunkAfterReopen()
    {
        using var dir = new TempDirectory();
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var source = new InterruptedStream(TestCloud.Image(40 << 20, seed: 2), 20 << 20, () => throw new IOException("The disk went away."));
            await Assert.ThrowsAsync<IOException>(() => cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = source }).AsTask());
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
            Assert.Equal(0, report.StoredChunks);
            Assert.Empty(await cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).ListVolumesAsync());
        }
    }

    [Fact]
    public async Task OpenAsync_ProcessDiedMidImport_RemovesUnfinishedImportAndFsckIsClean()
    {
        using var dir = new TempDirectory();
        var chunks = new FileChunkStore(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName));
        var state = new DyingStateStore(SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B), commits: 2);
        await using (var cloud = await EbsCloud.OpenAsync(Options, chunks, state))
        {
            // Created and its first batch committed; the process dies before the second lands.
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            await Assert.ThrowsAsync<IOException>(() => ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(TestCloud.Image(40 << 20, seed: 3)) }).AsTask());
        }

        await using (var left = SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B))
        {
            Assert.Single((await left.LoadAsync()).Documents, d => d.Kind == RecordKinds.Volume.Name);
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            Assert.Empty(await cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).ListVolumesAsync());
            await CrashChecks.AssertOnlyLeaksThenRepairAsync(cloud);
            Assert.Equal(0, (await cloud.ScrubAsync()).StoredChunks);
        }
    }

    [Fact]
    public async Task OpenAsync_Reopened_DiskImageSizeKeptOnVolumeAndSnapshot()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var image = TestCloud.Image((5 * B) + 3, seed: 4);
        Core.Domain.Volume volume;
        Core.Domain.Snapshot snapshot;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volume = (await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) })).Volume;
            snapshot = await ec2.TakeSnapshotAsync(volume.VolumeId);
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(image.Length, (await ec2.DescribeVolumeAsync(volume.VolumeId)).DiskImageSizeInBytes);
            Assert.Equal(image.Length, (await ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).DiskImageSizeInBytes);
            Assert.Equal(Core.Domain.VolumeState.Available, (await ec2.DescribeVolumeAsync(volume.VolumeId)).State);
        }
    }
}
