using Ebs.Core;
using Ebs.Core.Storage;
using Ebs.Core.Tests;
using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite.Tests.Damage;

/// <summary>Folders that are not stores, or are stores missing a part: refused with one code, and left exactly as they were.</summary>
public sealed class StoreLayoutTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B };

    [Fact]
    public async Task OpenAsync_OtherProgramsDatabaseAlone_NotAStoreAndNothingCreatedOrWritten()
    {
        using var dir = new TempDirectory();
        var state = OtherProgramsDatabase(dir.Path);
        var before = Snapshot(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.NotAStore, error.ErrorCode);
        Assert.Contains(state, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task OpenExistingAsync_OtherProgramsDatabaseAlone_NotFoundAndNothingCreatedOrWritten()
    {
        using var dir = new TempDirectory();
        OtherProgramsDatabase(dir.Path);
        var before = Snapshot(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenExistingAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StoreNotFound, error.ErrorCode);
        Assert.Contains("not an ebs state", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task OpenAsync_EbsTablesReplacedBesideChunks_StateMissingAndNothingWritten()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "ebs-tables-replaced");
        var before = Snapshot(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StateMissing, error.ErrorCode);
        Assert.Contains("not an ebs state database", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task OpenAsync_ChunksIsAFile_NotAStoreAndNothingCreated()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName), "not a folder");
        var before = Snapshot(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.NotAStore, error.ErrorCode);
        Assert.Contains(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task OpenAsync_FailsAfterCreatingItsState_RemovesWhatItCreated()
    {
        using var dir = new TempDirectory();
        var chunks = Directory.CreateDirectory(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName)).FullName;
        await File.WriteAllTextAsync(Path.Combine(chunks, Packs.PackChunkStore.FolderName), "where the pack folder should be");
        var before = Snapshot(dir.Path);

        await Assert.ThrowsAnyAsync<Exception>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task OpenAsync_InsideAnotherStoresChunkFolder_InsideStoreAndNothingCreated()
    {
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
        var nested = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName, "nested");
        var before = Snapshot(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(nested, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.InsideStore, error.ErrorCode);
        Assert.Contains(dir.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task ScrubAsync_ChunkFilesOutsideTheirShard_NotCountedAsLeakedNorDeleted()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        var chunks = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName);
        string[] strays =
        [
            Path.Combine(chunks, "nested", "chunks", "ab", "cd", "abcd" + new string('1', 28) + ".chunk"), // a store made inside this one by an older library
            Path.Combine(chunks, "00", "00", "ffff" + new string('2', 28) + ".chunk"), // in another chunk's shard
        ];
        foreach (var stray in strays)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
            await File.WriteAllBytesAsync(stray, new byte[B + 16]);
        }

        await using var cloud = await LocalDirectory.OpenAsync(dir.Path, Options);
        var report = await cloud.ScrubAsync(repair: true);

        Assert.True(report.IsClean);
        Assert.Empty(report.ReclaimedChunks);
        Assert.All(strays, stray => Assert.True(File.Exists(stray)));
    }

    [Fact]
    public async Task OpenAsync_ChunkFolderGoneWhileStateUsesChunks_DamagedNamingTheFolderAndNotRecreated()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        var chunks = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName);
        Directory.Delete(chunks, recursive: true);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StoreDamaged, error.ErrorCode);
        Assert.Contains($"chunk folder '{chunks}' is missing", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(chunks));
    }

    [Fact]
    public async Task OpenAsync_ChunkFolderGoneFromStoreWithoutBlocks_Opens()
    {
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
        Directory.Delete(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName), recursive: true);

        await using var cloud = await LocalDirectory.OpenAsync(dir.Path, Options);

        Assert.True((await cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task ThrowIfReadOnly_DatabaseOpenOnlyForReading_AccessDeniedNamingTheFileNotDamage()
    {
        // SQLite opens a file it may not write (another user's, or chmod 444) read-only; a
        // read-only open stands in for that here, since tests may run as root.
        using var dir = new TempDirectory();
        await (await LocalDirectory.OpenAsync(dir.Path, Options)).DisposeAsync();
        var state = Path.Combine(dir.Path, LocalDirectory.StateFileName);
        using var connection = SqliteStateStore.Connect(state, SqliteOpenMode.ReadOnly);
        connection.Open();

        var error = Assert.Throws<EbsException>(() => SqliteStateStore.ThrowIfReadOnly(connection, state));

        Assert.Equal(LocalStoreErrorCodes.AccessDenied, error.ErrorCode);
        Assert.Contains(state, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UnknownRecordKind_DamagedNamingKindAndKey()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "unknown-kind");

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());
        var inspection = await LocalDirectory.InspectAsync(dir.Path, Options);

        Assert.Equal(LocalStoreErrorCodes.StoreDamaged, error.ErrorCode);
        Assert.Contains("mystery 'm-1'", error.Message, StringComparison.Ordinal);
        Assert.Equal(("mystery", "m-1"), inspection.UndecodableEntries.Select(e => (e.Kind, e.Key)).Single());
    }

    [Fact]
    public async Task OpenAsync_RecordBodyStoredAsText_DamagedNamingKindAndKey()
    {
        using var dir = new TempDirectory();
        var (_, snapshot, _) = await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "body-as-text");

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StoreDamaged, error.ErrorCode);
        Assert.Contains($"snapshot '{snapshot}'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes another program's SQLite database where a store's state would be.</summary>
    private static string OtherProgramsDatabase(string dir)
    {
        var state = Path.Combine(dir, LocalDirectory.StateFileName);
        using var connection = new SqliteConnection($"Data Source={state};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');";
        command.ExecuteNonQuery();
        return state;
    }

    /// <summary>Every entry under <paramref name="dir"/> with the hash of its bytes, or <c>folder</c>.</summary>
    private static SortedDictionary<string, string> Snapshot(string dir)
        => new(Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetRelativePath(dir, path),
            path => File.Exists(path) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))) : "folder"), StringComparer.Ordinal);
}
