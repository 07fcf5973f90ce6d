using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using Ebs.Core;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;
using Ebs.Storage.Sqlite.Tests;
using Ebs.Storage.Sqlite.Tests.Damage;
using Microsoft.Data.Sqlite;

namespace Ebs.Cli.Tests;

/// <summary>
/// Folders that are not stores, stores missing a part, stores this user may not write, and
/// what fsck says of damage it can name: one coded line on standard error, and nothing created.
/// </summary>
public sealed class StoreLayoutTests : IClassFixture<StoreDamageTests.SeededStore>
{
    private readonly StoreDamageTests.SeededStore _seed;

    public StoreLayoutTests(StoreDamageTests.SeededStore seed) => _seed = seed;

    [Fact]
    public async Task VolumeList_OtherProgramsDatabase_NotFoundAndNothingCreated()
    {
        using var dir = new TempDirectory();
        var state = Path.Combine(dir.Path, LocalDirectory.StateFileName);
        Sql(state, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
        var bytes = await File.ReadAllBytesAsync(state);

        var line = await FailsWithOneLineAsync(dir.Path, "LocalStore.NotFound", "volume", "list");

        Assert.Contains(state, line, StringComparison.Ordinal);
        Assert.Equal([state], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(state));
    }

    [Fact]
    public async Task VolumeCreate_ChunksIsAFile_NotAStoreAndNothingCreated()
    {
        using var dir = new TempDirectory();
        var chunks = Path.Combine(dir.Path, LocalDirectory.ChunkFolderName);
        await File.WriteAllTextAsync(chunks, "a file");

        var line = await FailsWithOneLineAsync(dir.Path, "LocalStore.NotAStore", "volume", "create", "--size", "1");

        Assert.Contains(chunks, line, StringComparison.Ordinal);
        Assert.Equal([chunks], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task VolumeCreate_InsideAnotherStoresChunkFolder_InsideStoreAndNothingCreated()
    {
        using var dir = new TempDirectory();
        var outer = _seed.CopyTo(dir.Path);
        var nested = Path.Combine(outer, LocalDirectory.ChunkFolderName, "nested");

        var line = await FailsWithOneLineAsync(nested, "LocalStore.InsideStore", "volume", "create", "--size", "1");

        Assert.Contains(outer, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(nested));
    }

    [Fact]
    public async Task VolumeList_ChunkFolderGone_DamagedNamingTheFolderAndFsckStillInspects()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        var chunks = Path.Combine(store, LocalDirectory.ChunkFolderName);
        Directory.Delete(chunks, recursive: true);

        var line = await FailsWithOneLineAsync(store, "LocalStore.Damaged", "volume", "list");
        var (fsck, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck", "--json");

        Assert.Contains($"chunk folder '{chunks}' is missing", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(chunks));
        Assert.Equal(1, fsck);
        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("ChunkFiles").GetInt32());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // permissions by Unix file mode
    public async Task VolumeList_StateNotWritableByThisUser_AccessDeniedNamingTheFileNotDamaged()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        var state = Path.Combine(store, LocalDirectory.StateFileName);
        File.Delete(Path.Combine(store, "ebs.lock"));
        File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        OpenToOthers(dir.Path, store);

        var (exitCode, _, error) = await RunAsAnotherUserAsync(store, "volume", "list");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ebs: LocalStore.AccessDenied: ", line, StringComparison.Ordinal);
        Assert.Contains(state, line, StringComparison.Ordinal);
        Assert.DoesNotContain("is damaged", line, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // permissions by Unix file mode
    public async Task VolumeList_StoreFolderNotWritableByThisUser_AccessDeniedSayingSo()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        File.Delete(Path.Combine(store, "ebs.lock"));
        OpenToOthers(dir.Path, store);
        File.SetUnixFileMode(store, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var (exitCode, _, error) = await RunAsAnotherUserAsync(store, "volume", "list");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ebs: LocalStore.AccessDenied: ", line, StringComparison.Ordinal);
        Assert.Contains("not writable", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fsck_MissingNode_NamesTheNodeAndWhatEachUserLoses()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        var state = Path.Combine(store, LocalDirectory.StateFileName);
        Sql(state, "DELETE FROM nodes WHERE substr(body, 1, 1) = x'00'"); // the leaf: byte 0 is a node's level
        var ebs = new CliRunner(store, asProcess: false);

        var (exitCode, output, _) = await ebs.RunAsync("fsck", "--json");
        var (_, repairOutput, _) = await ebs.RunAsync("fsck", "--repair");

        Assert.Equal(1, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        var node = Assert.Single(report.GetProperty("MissingNodes").EnumerateArray()).GetString();
        var uses = report.GetProperty("MissingNodeUses").EnumerateArray().ToList();
        Assert.Equal([_seed.Image, _seed.Snapshot, _seed.Volume], uses.Select(u => u.GetProperty("ResourceId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(uses, u => Assert.Equal(node, u.GetProperty("Node").GetString()));
        Assert.All(uses, u => Assert.Equal(0, Assert.Single(u.GetProperty("Ranges").EnumerateArray()).GetProperty("Offset").GetInt64()));
        var repairText = Words(repairOutput);
        Assert.Contains($"missing node {node}", repairText, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(repairText, "--force"));
    }

    [Fact]
    public async Task Fsck_MissingChunk_SaysMissingNotDamaged()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        await PackedChunks.ForgetAsync(store, await PackedChunks.FirstAsync(store, EbsOptions.DefaultBlockSize), EbsOptions.DefaultBlockSize);

        var (exitCode, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck");

        Assert.Equal(1, exitCode);
        Assert.Contains("missing chunk", output, StringComparison.Ordinal);
        Assert.DoesNotContain("damaged chunk", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FsckRepair_NothingToRepair_ClaimsNothingReclaimedOrCorrected()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);

        var (exitCode, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck", "--repair");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("reclaimed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("corrected", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FsckRepair_EveryChunkLeaked_RefusalSaysWhatIsPlausibleAndNamesForceOnce()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        Sql(Path.Combine(store, LocalDirectory.StateFileName), "DELETE FROM documents");

        var (exitCode, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck", "--repair");

        Assert.Equal(1, exitCode);
        var text = Words(output);
        Assert.Contains("If the last command was interrupted", text, StringComparison.Ordinal);
        Assert.Contains("do not force", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "--force"));
    }

    /// <summary>The words of a command's output, whatever lines and table borders it was wrapped into.</summary>
    private static string Words(string output) => string.Join(' ', output.Split((char[])['\n', '\r', '│', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Runs a command in this process and checks it failed with one line of <paramref name="code"/>.</summary>
    /// <returns>The line.</returns>
    private static async Task<string> FailsWithOneLineAsync(string store, string code, params string[] args)
    {
        var (exitCode, output, error) = await new CliRunner(store, asProcess: false).RunAsync(args);
        Assert.True(exitCode == 1, $"exit code {exitCode}; stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"ebs: {code}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        return line;
    }

    /// <summary>
    /// Runs <c>ebs</c> as a process of another user than the store's owner. Tests may run as
    /// root, whom permissions do not stop, so as root it runs as <c>nobody</c> (through
    /// <c>setpriv</c>); otherwise as this user, on files made read-only.
    /// </summary>
    private static async Task<(int ExitCode, string Out, string Error)> RunAsAnotherUserAsync(string store, params string[] args)
    {
        string[] full = [.. args, "--store", store];
        if (Environment.UserName != "root")
        {
            return await CliRunner.RunProcessAsync(full);
        }

        var info = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", CliRunner.Executable, .. full])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Lets other users into the temporary folders and read the store (not write it: its files stay the owner's).</summary>
    [UnsupportedOSPlatform("windows")]
    private static void OpenToOthers(string dir, string store)
    {
        const UnixFileMode Enter = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(dir, Enter);
        foreach (var folder in Directory.EnumerateDirectories(store, "*", SearchOption.AllDirectories).Prepend(store))
        {
            File.SetUnixFileMode(folder, Enter | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite);
        }
    }

    private static void Sql(string state, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={state};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
