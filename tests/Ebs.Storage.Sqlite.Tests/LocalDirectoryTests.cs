using System.Globalization;
using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class LocalDirectoryTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 1 };

    [Fact]
    public async Task OpenAsync_Reopened_RestoresVolumesSnapshotsAndBytes()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        Core.Domain.VolumeId volumeId;
        Core.Domain.SnapshotId snapshotId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volumeId, 0, TestCloud.Block(1));
            snapshotId = (await ec2.TakeSnapshotAsync(volumeId, "durable")).SnapshotId;
            await ec2.WriteAtAsync(volumeId, 0, TestCloud.Block(2));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            time.Advance(TimeSpan.FromMinutes(1));
            var snapshot = await ec2.DescribeSnapshotAsync(snapshotId);
            Assert.Equal(("durable", Core.Domain.SnapshotState.Completed), (snapshot.Description, snapshot.State));
            var restored = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1c", SnapshotId = snapshotId });
            Assert.Equal(TestCloud.Block(1), await ReadAsync(ec2, restored.Volume.VolumeId));
            Assert.Equal(TestCloud.Block(2), await ReadAsync(ec2, volumeId));
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
            Assert.Equal(2, report.StoredChunks);
        }
    }

    [Fact]
    public async Task OpenAsync_AlreadyOpen_StoreInUseAndFirstStillWorks()
    {
        using var dir = new TempDirectory();
        await using var first = await LocalDirectory.OpenAsync(dir.Path, Options);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StoreInUse, error.ErrorCode);
        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
        await first.Account(TestCloud.Account).Ec2(TestCloud.Region).CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
    }

    [Fact]
    public async Task OpenAsync_NewerFormat_RefusedWithClearError()
    {
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
        StateSql.Execute(dir.Path, "UPDATE meta SET value = '99' WHERE key = 'format_version'");

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.FormatTooNew, error.ErrorCode);
        Assert.Contains("format version 99", error.Message, StringComparison.Ordinal);
        using var other = new TempDirectory();
        await (await LocalDirectory.OpenAsync(other.Path, Options)).DisposeAsync(); // a refused open released the lock
        StateSql.Execute(dir.Path, $"UPDATE meta SET value = '{SqliteStateStore.FormatVersion}' WHERE key = 'format_version'");
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
    }

    [Fact]
    public async Task OpenAsync_DatabaseWithOnlyOtherTables_NotAStoreAndLeftUntouched()
    {
        using var dir = new TempDirectory();
        StateSql.Execute(dir.Path, "CREATE TABLE legacy (x INTEGER); INSERT INTO legacy VALUES (1);"); // another program's database
        var before = await File.ReadAllBytesAsync(Path.Combine(dir.Path, LocalDirectory.StateFileName));

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.NotAStore, error.ErrorCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(dir.Path, LocalDirectory.StateFileName)));
        Assert.Null(StateSql.Scalar(dir.Path, "SELECT name FROM sqlite_master WHERE name = 'meta'"));
    }

    [Fact]
    public async Task OpenAsync_FormatOneDirectory_MigratedAndItsChunkFilesMovedIntoPacks()
    {
        using var dir = new TempDirectory();
        Core.Domain.VolumeId volumeId;
        var chunkRoot = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName);
        await using (var cloud = await EbsCloud.OpenAsync(Options, new FileChunkStore(chunkRoot), SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), B)))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volumeId, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(volumeId, B, TestCloud.Block(2));
        }

        // Rewrite the directory as format 1 left it: each chunk file a 16-byte header, then the data.
        var files = Directory.EnumerateFiles(chunkRoot, "*.chunk", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, files.Count);
        foreach (var path in files)
        {
            var file = await File.ReadAllBytesAsync(path);
            await File.WriteAllBytesAsync(path, [.. file[^16..], .. file[..^16]]);
            OverwriteStart(path, "EBSC"u8);
        }

        StoreCountsAsFormatsOneAndTwoDid(dir.Path, version: 1);

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(TestCloud.Block(1), await ReadAsync(ec2, volumeId));
            Assert.Equal(TestCloud.Block(2), await ReadAsync(ec2, volumeId, block: 1));
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        }

        Assert.Empty(Directory.EnumerateFiles(chunkRoot, "*.chunk", SearchOption.AllDirectories)); // moved into a pack
        Assert.Equal(CurrentVersion, StateSql.Scalar(dir.Path, "SELECT value FROM meta WHERE key = 'format_version'"));
    }

    [Fact]
    public async Task OpenAsync_FormatTwoDirectory_DropsStoredCountsAndRecountsThem()
    {
        using var dir = new TempDirectory();
        Core.Domain.VolumeId volumeId;
        Core.Storage.ScrubReport before;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volumeId, 0, TestCloud.Block(1));
            await ec2.TakeSnapshotAsync(volumeId);
            await ec2.WriteAtAsync(volumeId, 0, TestCloud.Block(2));
            await ec2.WriteAtAsync(volumeId, B, TestCloud.Block(1));
            before = await cloud.ScrubAsync();
        }

        StoreCountsAsFormatsOneAndTwoDid(dir.Path, version: 2);

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(TestCloud.Block(2), await ReadAsync(ec2, volumeId));
            var after = await cloud.ScrubAsync();
            Assert.True(after.IsClean);
            Assert.Equal((before.ReachableNodes, before.ReachableChunks), (after.ReachableNodes, after.ReachableChunks));
        }

        Assert.Equal(CurrentVersion, StateSql.Scalar(dir.Path, "SELECT value FROM meta WHERE key = 'format_version'"));
        Assert.Equal("0", StateSql.Scalar(dir.Path, "SELECT CAST(count(*) AS TEXT) FROM sqlite_master WHERE name = 'chunks'"));
        Assert.Equal("0", StateSql.Scalar(dir.Path, "SELECT CAST(count(*) AS TEXT) FROM pragma_table_info('nodes') WHERE name = 'count'"));
    }

    [Fact]
    public async Task Fsck_StoredNodesNothingReferences_ReportedAndRemovedByRepair()
    {
        using var dir = new TempDirectory();
        string orphan;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
            await ec2.WriteAtAsync(volume.Volume.VolumeId, 0, TestCloud.Block(1));
            orphan = (await ec2.TakeSnapshotAsync(volume.Volume.VolumeId)).SnapshotId.Value;
            await ec2.WriteAtAsync(volume.Volume.VolumeId, 0, TestCloud.Block(2));
            await ec2.TakeSnapshotAsync(volume.Volume.VolumeId);
        }

        // The first snapshot's record goes, as if lost: its map and its chunk now have no root.
        var nodes = StateSql.Scalar(dir.Path, "SELECT CAST(count(*) AS TEXT) FROM nodes");
        StateSql.Execute(dir.Path, $"DELETE FROM documents WHERE key = '{orphan}'");

        int leaked;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var report = await cloud.ScrubAsync(repair: true);
            leaked = report.LeakedNodes.Length;
            Assert.NotEqual(0, leaked);
            Assert.Single(report.LeakedChunks);
            Assert.Empty(report.MiscountedChunks); // unreachable nodes hold nothing
        }

        Assert.Equal(int.Parse(nodes!, CultureInfo.InvariantCulture) - leaked, int.Parse(StateSql.Scalar(dir.Path, "SELECT CAST(count(*) AS TEXT) FROM nodes")!, CultureInfo.InvariantCulture));
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            Assert.True((await cloud.ScrubAsync()).IsClean);
        }
    }

    [Fact]
    public async Task OpenAsync_OtherBlockSize_Refused()
    {
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, new EbsOptions { BlockSize = 8192 }).AsTask());

        Assert.Equal(LocalStoreErrorCodes.BlockSizeMismatch, error.ErrorCode);
        Assert.Contains("4096-byte blocks", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<byte[]> ReadAsync(Ec2Client ec2, Core.Domain.VolumeId volume, int block = 0)
    {
        var buffer = new byte[B];
        await ec2.ReadAtAsync(volume, (long)block * B, buffer);
        return buffer;
    }

    private static void OverwriteStart(string path, ReadOnlySpan<byte> magic)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(file, magic, 0);
    }

    private static string CurrentVersion => SqliteStateStore.FormatVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gives a state file the tables of formats 1 and 2, which stored every count (here a wrong one, which the migration must not trust).</summary>
    private static void StoreCountsAsFormatsOneAndTwoDid(string dir, int version) => StateSql.Execute(dir, $"""
        CREATE TABLE chunks (id BLOB PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO chunks (id, count) VALUES (zeroblob(16), 7);
        ALTER TABLE nodes ADD COLUMN count INTEGER NOT NULL DEFAULT 5;
        UPDATE meta SET value = '{version}' WHERE key = 'format_version';
        """);
}
