using System.Text;
using Ebs.Core;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite.Packs;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Chunks in pack files: compression, torn tails, repacking, damaged indexes, and moving a first-layout store into packs.</summary>
public sealed class PackTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 5 };

    [Fact]
    public async Task WrittenBlocks_TextCompressedRandomAndSealedStoredAsTheyAre_AllReadBack()
    {
        using var dir = new TempDirectory();
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i}: INFO request served\n")))[..B];
        var random = TestCloud.Block(7);
        PackCheckReport packs;
        VolumeId plain, sealedVolume;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            plain = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            sealedVolume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true })).Volume.VolumeId;
            await ec2.WriteAtAsync(plain, 0, text);
            await ec2.WriteAtAsync(plain, B, random);
            await ec2.WriteAtAsync(sealedVolume, 0, text);
            packs = await LocalDirectory.CheckPacksAsync(cloud);
        }

        // Logical: two plain blocks and one sealed; physical: the text shrank, the random and sealed blocks did not.
        Assert.Equal((3L * B) + ChunkFormat.SealedOverhead, packs.LogicalChunkBytes);
        var records = 3L * PackFile.RecordHeaderSize;
        Assert.InRange(packs.PhysicalChunkBytes, records + B + B + ChunkFormat.SealedOverhead + 1, records + (2L * B) + ChunkFormat.SealedOverhead + (B / 4));
        Assert.True(packs.IsClean);

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(text, await LocalDirectoryTests.ReadAsync(ec2, plain));
            Assert.Equal(random, await LocalDirectoryTests.ReadAsync(ec2, plain, block: 1));
            Assert.Equal(text, await LocalDirectoryTests.ReadAsync(ec2, sealedVolume));
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        }
    }

    [Fact]
    public async Task TornPackTail_IgnoredOnOpenNewWritesGoToANewPackAndFsckRepairCutsIt()
    {
        using var dir = new TempDirectory();
        VolumeId volume;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
        }

        // A crash in the middle of appending a record: half of it reached the disk.
        var pack = Directory.EnumerateFiles(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName, PackChunkStore.FolderName)).Single();
        var torn = PackFile.Record(new ChunkScope(TestCloud.Account, TestCloud.Region).Hash(TestCloud.Block(2)), TestCloud.Block(2), 0, B);
        var intact = new FileInfo(pack).Length;
        await using (var file = File.Open(pack, FileMode.Append))
        {
            await file.WriteAsync(torn.AsMemory(0, torn.Length / 2));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(TestCloud.Block(1), await LocalDirectoryTests.ReadAsync(ec2, volume));
            await ec2.WriteAtAsync(volume, B, TestCloud.Block(3));
            Assert.Equal(2, Directory.EnumerateFiles(Path.GetDirectoryName(pack)!).Count());
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean); // the torn record is no chunk

            var found = await LocalDirectory.CheckPacksAsync(cloud);
            Assert.Equal(torn.Length / 2, found.UnrecordedBytes);
            Assert.False(found.IsClean);
            Assert.Empty(found.Problems);

            var repaired = await LocalDirectory.CheckPacksAsync(cloud, repair: true);
            Assert.Equal(torn.Length / 2, repaired.ReclaimedBytes);
            Assert.Equal(intact, new FileInfo(pack).Length);
            Assert.True((await LocalDirectory.CheckPacksAsync(cloud)).IsClean);
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(TestCloud.Block(1), await LocalDirectoryTests.ReadAsync(ec2, volume));
            Assert.Equal(TestCloud.Block(3), await LocalDirectoryTests.ReadAsync(ec2, volume, block: 1));
        }
    }

    [Fact]
    public async Task FullPacks_WrittenInOneSessionOrContinuedFromAnother_SealedWithAnIndexOfTheirRecords()
    {
        using var dir = new TempDirectory();
        var expected = new Dictionary<int, byte[]>();
        for (var session = 0; session < 2; session++)
        {
            // The second session continues the first one's last pack (records it did not append) before it rolls.
            await using var cloud = await OpenSmallPacksAsync(dir.Path);
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = session == 0
                ? (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId
                : Assert.Single(await ec2.ListVolumesAsync()).VolumeId;
            for (var block = session * 40; block < (session * 40) + 40; block++)
            {
                expected[block] = TestCloud.Block(300 + block);
                await ec2.WriteAtAsync(volume, (long)block * B, expected[block]);
            }
        }

        var folder = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName, PackChunkStore.FolderName);
        var sealedPacks = 0;
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            using var file = File.OpenHandle(path);
            if (PackFile.ReadIndex(file) is { } index)
            {
                sealedPacks++;
                Assert.Equal(PackFile.Scan(file, index.End).Records.Select(r => (r.Id, r.Offset)), index.Records);
            }
        }

        Assert.True(sealedPacks >= 4, $"{sealedPacks} sealed packs");
        await using (var cloud = await OpenSmallPacksAsync(dir.Path))
        {
            Assert.True((await LocalDirectory.CheckPacksAsync(cloud)).IsClean);
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = Assert.Single(await ec2.ListVolumesAsync()).VolumeId;
            foreach (var (block, bytes) in expected)
            {
                Assert.Equal(bytes, await LocalDirectoryTests.ReadAsync(ec2, volume, block));
            }
        }
    }

    [Fact]
    public async Task OverwrittenBlocks_RepackRewritesSparsePacksAndFreesBytes_ContentsUnchanged()
    {
        using var dir = new TempDirectory();
        var expected = new Dictionary<int, byte[]>();
        await using (var cloud = await OpenSmallPacksAsync(dir.Path))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            for (var block = 0; block < 60; block++)
            {
                expected[block] = TestCloud.Block(100 + block);
                await ec2.WriteAtAsync(volume, (long)block * B, expected[block]);
            }

            // Three blocks in four overwritten: their old chunks are freed, dead space in the first packs.
            for (var block = 0; block < 60; block++)
            {
                if (block % 4 != 0)
                {
                    expected[block] = TestCloud.Block(1000 + block);
                    await ec2.WriteAtAsync(volume, (long)block * B, expected[block]);
                }
            }
        }

        var folder = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName, PackChunkStore.FolderName);
        var before = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        PackRepackReport report;
        await using (var cloud = await OpenSmallPacksAsync(dir.Path))
        {
            report = await LocalDirectory.RepackAsync(cloud);
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
            Assert.True((await LocalDirectory.CheckPacksAsync(cloud)).IsClean);
            Assert.Equal(0, (await LocalDirectory.RepackAsync(cloud)).PacksRemoved); // nothing sparse left
        }

        Assert.True(report.PacksRewritten > 0, report.ToString());
        Assert.True(report.BytesFreed > 0, report.ToString());
        Assert.Equal(before - report.BytesFreed, Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = Assert.Single(await ec2.ListVolumesAsync()).VolumeId;
            foreach (var (block, bytes) in expected)
            {
                Assert.Equal(bytes, await LocalDirectoryTests.ReadAsync(ec2, volume, block));
            }
        }
    }

    [Fact]
    public async Task DamagedPackIndexOrRecord_FsckNamesThePackInOneLine()
    {
        using var dir = new TempDirectory();
        await using (var cloud = await OpenSmallPacksAsync(dir.Path))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            for (var block = 0; block < 40; block++)
            {
                await ec2.WriteAtAsync(volume, (long)block * B, TestCloud.Block(200 + block));
            }
        }

        // The first pack is sealed: flip a byte of its index (just before the footer's checksum).
        var first = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName, PackChunkStore.FolderName, PackFile.NameOf(1));
        var bytes = await File.ReadAllBytesAsync(first);
        bytes[^30] ^= 0xFF;
        await File.WriteAllBytesAsync(first, bytes);

        await using (var cloud = await OpenSmallPacksAsync(dir.Path))
        {
            var report = await LocalDirectory.CheckPacksAsync(cloud, repair: true);
            var problem = Assert.Single(report.Problems);
            Assert.Contains(first, problem, StringComparison.Ordinal);
            Assert.Contains("index", problem, StringComparison.Ordinal);
            Assert.Equal(bytes.Length, new FileInfo(first).Length); // a repair deletes or cuts nothing of it
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean); // its chunks still read, through their locations
        }

        var inspection = await LocalDirectory.InspectAsync(dir.Path, Options);
        Assert.Equal(first, Assert.Single(inspection.DamagedChunkFiles).Path);
    }

    [Fact]
    public async Task FirstLayoutStore_OpenMovesEveryChunkIntoPacksAndResumesAfterAnInterruption()
    {
        using var dir = new TempDirectory();
        var image = TestCloud.Image(200 * B, seed: 9);
        var chunkRoot = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName);
        VolumeId volume;
        await using (var cloud = await EbsCloud.OpenAsync(Options, new FileChunkStore(chunkRoot), SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B)))
        {
            volume = (await cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, Source = new MemoryStream(image) })).Volume.VolumeId;
        }

        var files = FileChunkStore.FilesUnder(chunkRoot).ToList();
        Assert.True(files.Count > 100);

        // An interrupted migration: half of the files already in a pack and recorded, their files not yet deleted.
        await using (var state = SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B))
        {
            var packs = new PackChunkStore(chunkRoot, state, B, legacy: null);
            foreach (var path in files.Take(files.Count / 2))
            {
                var id = ChunkId.Parse(Path.GetFileNameWithoutExtension(path));
                var data = new byte[B];
                Assert.True(await new FileChunkStore(chunkRoot).TryReadAsync(id, data));
                await packs.AddAsync(id, data, CancellationToken.None);
            }

            await packs.FlushAsync();
            state.CommitLocations(_ => { });
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            Assert.Empty(FileChunkStore.FilesUnder(chunkRoot));
            Assert.False(Directory.Exists(Path.Combine(chunkRoot, FileChunkStore.TempFolderName)));
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var read = new byte[image.Length];
            await ec2.ReadAtAsync(volume, 0, read);
            Assert.Equal(image, read);
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
            Assert.True((await LocalDirectory.CheckPacksAsync(cloud)).IsClean);
        }
    }

    /// <summary>A store whose packs are sealed at 64 KiB, so that a few dozen blocks fill several.</summary>
    private static async Task<EbsCloud> OpenSmallPacksAsync(string dir)
    {
        var state = SqliteStateStore.Open(Path.Combine(dir, LocalDirectory.StateFileName), B);
        var packs = new PackChunkStore(Path.Combine(dir, LocalDirectory.ChunkFolderName), state, B, legacy: null, targetPackSize: 64 << 10);
        var cloud = await EbsCloud.OpenAsync(Options, packs, state);
        LocalDirectory.Register(cloud, packs);
        return cloud;
    }
}
