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
            volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SizeGiB = 1 })).Id;
            await ec2.WriteVolumeAsync(volumeId, 0, TestCloud.Block(1));
            snapshotId = (await ec2.CreateSnapshotAsync(volumeId, "durable")).Id;
            await ec2.WriteVolumeAsync(volumeId, 0, TestCloud.Block(2));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            time.Advance(TimeSpan.FromMinutes(1));
            var snapshot = await ec2.DescribeSnapshotAsync(snapshotId);
            Assert.Equal(("durable", Core.Domain.SnapshotState.Completed), (snapshot.Description, snapshot.State));
            var restored = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1c", SnapshotId = snapshotId });
            Assert.Equal(TestCloud.Block(1), await ReadAsync(ec2, restored.Id));
            Assert.Equal(TestCloud.Block(2), await ReadAsync(ec2, volumeId));
            var report = await cloud.ScrubAsync(verifyContents: true);
            Assert.True(report.IsClean, report.ToString());
            Assert.Equal(2, report.StoredChunks);
        }
    }

    [Fact]
    public async Task OpenAsync_AlreadyOpen_ClearIOExceptionAndFirstStillWorks()
    {
        using var dir = new TempDirectory();
        await using var first = await LocalDirectory.OpenAsync(dir.Path, Options);

        var error = await Assert.ThrowsAsync<IOException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
        await first.Account(TestCloud.Account).Ec2(TestCloud.Region).CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SizeGiB = 1 });
    }

    [Fact]
    public async Task OpenAsync_NewerFormat_RefusedWithClearError()
    {
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
        Execute(dir.Path, "UPDATE meta SET value = '99' WHERE key = 'format_version'");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Contains("format version 99", error.Message, StringComparison.Ordinal);
        await (await LocalDirectory.OpenAsync(Path.Combine(dir.Path, "fresh"), Options)).DisposeAsync(); // a refused open released the lock
        Execute(dir.Path, "UPDATE meta SET value = '1' WHERE key = 'format_version'");
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
    }

    [Fact]
    public async Task OpenAsync_OlderFormat_Migrated()
    {
        using var dir = new TempDirectory();
        Execute(dir.Path, "CREATE TABLE legacy (x INTEGER)"); // a format-0 file: no meta table

        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();

        Assert.Equal(SqliteStateStore.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(dir.Path, "SELECT value FROM meta WHERE key = 'format_version'"));
    }

    [Fact]
    public async Task OpenAsync_FormatOneDirectory_MigratedAndItsChunkFilesRead()
    {
        using var dir = new TempDirectory();
        Core.Domain.VolumeId volumeId;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volumeId = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SizeGiB = 1 })).Id;
            await ec2.WriteVolumeAsync(volumeId, 0, TestCloud.Block(1));
            await ec2.WriteVolumeAsync(volumeId, B, TestCloud.Block(2));
        }

        // Rewrite the directory as format 1 left it: each chunk file a 16-byte header, then the data.
        foreach (var path in Directory.EnumerateFiles(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName), "*.chunk", SearchOption.AllDirectories))
        {
            var file = await File.ReadAllBytesAsync(path);
            await File.WriteAllBytesAsync(path, [.. file[^16..], .. file[..^16]]);
            OverwriteStart(path, "EBSC"u8);
        }

        Execute(dir.Path, "UPDATE meta SET value = '1' WHERE key = 'format_version'");

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            Assert.Equal(TestCloud.Block(1), await ReadAsync(ec2, volumeId));
            Assert.Equal(TestCloud.Block(2), await ReadAsync(ec2, volumeId, block: 1));
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        }

        Assert.Equal("2", Scalar(dir.Path, "SELECT value FROM meta WHERE key = 'format_version'"));
    }

    [Fact]
    public async Task OpenAsync_OtherBlockSize_Refused()
    {
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LocalDirectory.OpenAsync(dir.Path, new EbsOptions { BlockSize = 8192 }).AsTask());

        Assert.Contains("4096-byte blocks", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<byte[]> ReadAsync(Ec2Client ec2, Core.Domain.VolumeId volume, int block = 0)
    {
        var buffer = new byte[B];
        await ec2.ReadVolumeAsync(volume, (long)block * B, buffer);
        return buffer;
    }

    private static void OverwriteStart(string path, ReadOnlySpan<byte> magic)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(file, magic, 0);
    }

    private static void Execute(string dir, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, LocalDirectory.StateFileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(string dir, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, LocalDirectory.StateFileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
