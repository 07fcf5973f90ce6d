using Ebs.Core;
using Ebs.Core.Chunks;
using Ebs.Core.Services;
using Ebs.Core.Tests;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class CorruptionTests
{
    private const int B = TestCloud.BlockSize;

    public static TheoryData<string> Damages => ["flip", "truncate", "delete"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task DamagedChunkRecord_ReadsOfItFailNamingItFsckReportsItOthersUnaffected(string damage)
    {
        using var dir = new TempDirectory();
        var options = new EbsOptions { BlockSize = B };
        ChunkId victim;
        Core.Domain.VolumeId damaged, healthy;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            damaged = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            healthy = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(healthy, 0, TestCloud.Block(3));
            await ec2.WriteAtAsync(damaged, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(damaged, B, TestCloud.Block(2)); // the pack's last record, so that cutting it short spares the others
            victim = new ChunkScope(TestCloud.Account, TestCloud.Region).Hash(TestCloud.Block(2));
        }

        var (pack, offset, length) = await PackedChunks.LocateAsync(dir.Path, victim, B);
        switch (damage)
        {
            case "flip":
                await PackedChunks.FlipAsync(dir.Path, victim, B, length - 100);
                break;
            case "truncate":
                await using (var stream = File.OpenWrite(pack))
                {
                    stream.SetLength(offset + (length / 2));
                }

                break;
            default:
                // Its location forgotten, as if the state had never recorded it.
                await using (var state = SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B))
                {
                    state.CommitLocations(t => t.Delete(victim));
                }

                break;
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectoryTests.ReadAsync(ec2, damaged, block: 1));
            Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
            Assert.Contains(victim.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Equal(TestCloud.Block(1), await LocalDirectoryTests.ReadAsync(ec2, damaged, block: 0));
            Assert.Equal(TestCloud.Block(3), await LocalDirectoryTests.ReadAsync(ec2, healthy));

            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.Equal(victim, Assert.Single(damage == "delete" ? report.MissingChunks : report.CorruptChunks));
            Assert.Empty(report.LeakedChunks);
            Assert.Empty(report.MiscountedChunks);
        }
    }

    [Fact]
    public async Task ChunkLocationNamingAnotherIntactRecord_FsckReportsItCorrupt()
    {
        using var dir = new TempDirectory();
        var options = new EbsOptions { BlockSize = B };
        var scope = new ChunkScope(TestCloud.Account, TestCloud.Region);
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(volume, B, TestCloud.Block(2));
            await ec2.TakeSnapshotAsync(volume);
        }

        // The record it names passes its own checksum; only the id says the bytes are wrong.
        var victim = scope.Hash(TestCloud.Block(2));
        await using (var state = SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B))
        {
            var other = state.ReadLocations(t => t.TryFind(scope.Hash(TestCloud.Block(1)), out var l) ? l : default);
            state.CommitLocations(t => t.Upsert(victim, other));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var quick = await cloud.ScrubAsync();
            Assert.Empty(quick.CorruptChunks); // contents are only read when asked

            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.Equal(victim, Assert.Single(report.CorruptChunks));
            Assert.Empty(report.MissingChunks);
            Assert.Empty(report.LeakedChunks);
        }
    }

    [Fact]
    public async Task DamagedChunk_WritingTheSameDataAgain_HealsIt()
    {
        using var dir = new TempDirectory();
        var options = new EbsOptions { BlockSize = B };
        var victim = new ChunkScope(TestCloud.Account, TestCloud.Region).Hash(TestCloud.Block(2));
        Core.Domain.VolumeId damaged;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            damaged = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(damaged, 0, TestCloud.Block(2));
        }

        await PackedChunks.FlipAsync(dir.Path, victim, B, at: 50);

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var other = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(other, 0, TestCloud.Block(2)); // the same bytes: a dedup hit on the damaged chunk

            Assert.Equal(TestCloud.Block(2), await LocalDirectoryTests.ReadAsync(ec2, damaged));
            Assert.Equal(TestCloud.Block(2), await LocalDirectoryTests.ReadAsync(ec2, other));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
        }
    }

    [Fact]
    public async Task DamagedChunk_ImportingTheImageAgainIntoItsVolume_HealsIt()
    {
        using var dir = new TempDirectory();
        var options = new EbsOptions { BlockSize = B };
        var image = TestCloud.Image(12 * B, seed: 5);
        var victim = new ChunkScope(TestCloud.Account, TestCloud.Region).Hash(image.AsSpan(4 * B, B));
        Core.Domain.VolumeId volume;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volume = (await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) })).Volume.VolumeId;
        }

        await PackedChunks.FlipAsync(dir.Path, victim, B, at: 50);

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            await ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = volume, Source = new MemoryStream(image) }); // the damaged block is read back, found damaged and rewritten

            var back = new byte[image.Length];
            await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = 0, Destination = back });
            Assert.Equal(image, back);
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, options))
        {
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
        }
    }
}
