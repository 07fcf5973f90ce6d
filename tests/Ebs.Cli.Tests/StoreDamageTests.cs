using Ebs.Core;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;
using Ebs.Storage.Sqlite.Tests;
using Ebs.Storage.Sqlite.Tests.Damage;

namespace Ebs.Cli.Tests;

/// <summary>
/// Every command that opens the store, on every kind of damaged state: exit code 1, one line
/// on standard error naming the problem, no stack trace, and not one chunk file removed. The
/// store is seeded once and copied for each case, so the whole matrix runs in seconds.
/// </summary>
public sealed class StoreDamageTests : IClassFixture<StoreDamageTests.SeededStore>
{
    private readonly SeededStore _seed;

    public StoreDamageTests(SeededStore seed) => _seed = seed;

    /// <summary>Each command that opens the store, by name; <see cref="Arguments"/> gives it arguments naming the seeded resources.</summary>
    private static readonly string[] Commands =
    [
        "volume list", "volume create", "volume delete", "volume import", "volume export",
        "snapshot list", "snapshot create", "snapshot delete", "snapshot diff", "snapshot copy",
        "image list", "image register", "image deregister", "usage", "fsck",
        "image create", "image copy", "volume attach", "volume detach", "instance reboot",
    ];

    /// <summary>Every kind of damage that refuses the open with every command.</summary>
    public static TheoryData<string, string> Matrix
    {
        get
        {
            var matrix = new TheoryData<string, string>();
            foreach (var damage in StateDamage.Kinds.Keys)
            {
                foreach (var command in Commands)
                {
                    matrix.Add(damage, command);
                }
            }

            return matrix;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Command_DamagedState_OneLineErrorExitOneNoChunkRemoved(string damage, string command)
    {
        using var dir = new TempDirectory();
        await AssertRefusedAsync(dir.Path, damage, command, asProcess: false);
    }

    [Theory]
    [InlineData("not-a-database", "volume list")]
    [InlineData("state-missing", "volume create")]
    [InlineData("document-cut-short", "fsck")]
    public async Task Command_DamagedStateAsProcess_OneLineErrorExitOneNoChunkRemoved(string damage, string command)
    {
        using var dir = new TempDirectory();
        await AssertRefusedAsync(dir.Path, damage, command, asProcess: true);
    }

    [Fact]
    public async Task Fsck_CutShortDocumentAndMalformedNode_ReportsEachAndTheChunkFiles()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        StateDamage.Apply(store, "document-cut-short");
        StateDamage.Apply(store, StateDamage.NodeMalformed);

        var (exitCode, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck", "--json");

        Assert.Equal(1, exitCode);
        var report = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal(
            ["node", "snapshot"],
            report.GetProperty("UndecodableEntries").EnumerateArray().Select(e => e.GetProperty("Kind").GetString()).Order());
        Assert.Contains(_seed.Snapshot, output, StringComparison.Ordinal);
        Assert.Equal(2, report.GetProperty("ChunkFiles").GetInt32());
        Assert.Equal(0, report.GetProperty("DamagedChunkFiles").GetArrayLength());
    }

    [Theory]
    [InlineData("volume list")]
    [InlineData("snapshot list")]
    [InlineData("image list")]
    public async Task Command_MalformedNode_CommandsNotReadingItSucceed(string command)
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        StateDamage.Apply(store, StateDamage.NodeMalformed);

        var (exitCode, output, error) = await new CliRunner(store, asProcess: false).RunAsync(Arguments(command, dir.Path));

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {error}");
        Assert.Contains(command.StartsWith("volume", StringComparison.Ordinal) ? _seed.Volume : command.StartsWith("snapshot", StringComparison.Ordinal) ? _seed.Snapshot : _seed.Image, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("volume export", false)]
    [InlineData("volume export", true)]
    public async Task Command_MalformedNode_CommandReadingItFailsInOneLineNamingTheNodeNoChunkRemoved(string command, bool asProcess)
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        StateDamage.Apply(store, StateDamage.NodeMalformed);
        var chunks = StateDamage.ChunkFiles(store);

        var (exitCode, output, error) = await new CliRunner(store, asProcess).RunAsync(Arguments(command, dir.Path));

        Assert.True(exitCode == 1, $"exit code {exitCode}; stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^ebs: InternalError: Block-map node [0-9a-f]{32} is corrupt: ", line);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal(chunks, StateDamage.ChunkFiles(store));
    }

    [Fact]
    public async Task Fsck_MalformedNode_ReportsTheCorruptNodeAndEveryUserOfIt()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        StateDamage.Apply(store, StateDamage.NodeMalformed);
        var ebs = new CliRunner(store, asProcess: false);

        var (exitCode, output, _) = await ebs.RunAsync("fsck", "--json");
        var (_, table, _) = await ebs.RunAsync("fsck");

        Assert.Equal(1, exitCode);
        var report = System.Text.Json.JsonDocument.Parse(output).RootElement;
        var node = Assert.Single(report.GetProperty("CorruptNodes").EnumerateArray()).GetString();
        Assert.False(report.GetProperty("Clean").GetBoolean());
        Assert.Equal(
            [_seed.Volume, _seed.Snapshot, _seed.Image],
            report.GetProperty("MissingNodeUses").EnumerateArray().Select(u => u.GetProperty("ResourceId").GetString()));
        Assert.Contains($"corrupt node {node}", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fsck_MissingChunk_NamesTheVolumeSnapshotAndImageAndTheBytesLost()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        await PackedChunks.ForgetAsync(store, await PackedChunks.FirstAsync(store, EbsOptions.DefaultBlockSize), EbsOptions.DefaultBlockSize);

        var (exitCode, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck");

        Assert.Equal(1, exitCode);
        foreach (var user in new[] { _seed.Volume, _seed.Snapshot, _seed.Image })
        {
            Assert.Contains(user, output, StringComparison.Ordinal);
        }

        Assert.Matches(@"\[(0|524288), (524288|1048576)\)", output);
    }

    [Fact]
    public async Task FsckRepair_CorruptChunk_StillNotCleanSinceRepairCannotRestoreBytes()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        var victim = await PackedChunks.FirstAsync(store, EbsOptions.DefaultBlockSize);
        var (chunk, _, _) = await PackedChunks.LocateAsync(store, victim, EbsOptions.DefaultBlockSize);
        await PackedChunks.FlipAsync(store, victim, EbsOptions.DefaultBlockSize, at: 100);

        var (exitCode, output, _) = await new CliRunner(store, asProcess: false).RunAsync("fsck", "--repair", "--json");

        Assert.Equal(1, exitCode);
        var report = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.False(report.GetProperty("Clean").GetBoolean());
        Assert.Equal(3, report.GetProperty("DamagedUses").GetArrayLength()); // the volume, the snapshot, the image
        Assert.True(File.Exists(chunk));
    }

    [Fact]
    public async Task Fsck_PackCutShort_NamesThePackAndTheChunksInLinesNoStackTrace()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        var pack = Directory.EnumerateFiles(Path.Combine(store, LocalDirectory.ChunkFolderName), "*.pack", SearchOption.AllDirectories).Single();
        await using (var file = File.OpenWrite(pack))
        {
            file.SetLength(file.Length / 2);
        }

        var (exitCode, output, error) = await new CliRunner(store, asProcess: false).RunAsync("fsck", "--repair");

        Assert.Equal(1, exitCode);
        Assert.Contains("damaged pack", output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(pack), output, StringComparison.Ordinal);
        Assert.Contains("corrupt chunk", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.True(new FileInfo(pack).Length > 0); // the recorded records it still holds are not cut
    }

    [Fact]
    public async Task FsckRepair_EveryRecordLost_RefusedUnlessForced()
    {
        using var dir = new TempDirectory();
        var store = _seed.CopyTo(dir.Path);
        StateDamage.Apply(store, "documents-table-dropped");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(store, LocalDirectory.StateFileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE documents (kind TEXT NOT NULL, key TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID";
            command.ExecuteNonQuery();
        }

        var ebs = new CliRunner(store, asProcess: false);
        var chunks = StateDamage.ChunkFiles(store);

        var (refused, refusedOutput, _) = await ebs.RunAsync("fsck", "--repair");
        var kept = StateDamage.ChunkFiles(store);
        var (forced, _, _) = await ebs.RunAsync("fsck", "--repair", "--force");

        Assert.Equal(1, refused);
        Assert.Contains("Repair refused", refusedOutput, StringComparison.Ordinal);
        Assert.Equal(chunks, kept);
        Assert.Equal(0, forced);
        Assert.DoesNotContain(StateDamage.ChunkFiles(store).Keys, f => f.EndsWith(".chunk", StringComparison.Ordinal));
    }

    private async Task AssertRefusedAsync(string dir, string damage, string command, bool asProcess)
    {
        var store = _seed.CopyTo(dir);
        StateDamage.Apply(store, damage);
        var chunks = StateDamage.ChunkFiles(store);

        var (exitCode, output, error) = await new CliRunner(store, asProcess).RunAsync(Arguments(command, dir));

        Assert.True(exitCode == 1, $"exit code {exitCode}; stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"ebs: {StateDamage.Kinds[damage]}: ", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(store, LocalDirectory.StateFileName), line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal(chunks, StateDamage.ChunkFiles(store));
    }

    private string[] Arguments(string command, string dir) => command switch
    {
        "volume delete" => ["volume", "delete", _seed.Volume],
        "volume import" => ["volume", "import", _seed.DiskImage],
        "volume export" => ["volume", "export", _seed.Volume, Path.Combine(dir, "out.img")],
        "snapshot create" => ["snapshot", "create", _seed.Volume],
        "snapshot delete" => ["snapshot", "delete", _seed.Snapshot],
        "snapshot diff" => ["snapshot", "diff", _seed.Snapshot, _seed.Snapshot],
        "snapshot copy" => ["snapshot", "copy", _seed.Snapshot, "--region", "us-west-2", "--source-region", "us-east-1"],
        "image register" => ["image", "register", "damaged", "--snapshot", _seed.Snapshot],
        "image deregister" => ["image", "deregister", _seed.Image],
        "image create" => ["image", "create", "--instance", "i-0123456789abcdef0", "--name", "damaged"],
        "image copy" => ["image", "copy", _seed.Image, "--to-region", "us-west-2"],
        "volume attach" => ["volume", "attach", _seed.Volume, "--instance", "i-0123456789abcdef0", "--device", "/dev/sdf"],
        "volume detach" => ["volume", "detach", _seed.Volume],
        "instance reboot" => ["instance", "reboot", "i-0123456789abcdef0"],
        _ => command.Split(' '),
    };

    /// <summary>A store seeded once, with the default block size the <c>ebs</c> command opens with, and a small disk image to import.</summary>
    public sealed class SeededStore : IAsyncLifetime
    {
        private readonly TempDirectory _dir = new();

        public string Volume { get; private set; } = string.Empty;

        public string Snapshot { get; private set; } = string.Empty;

        public string Image { get; private set; } = string.Empty;

        public string DiskImage => Path.Combine(_dir.Path, "disk.img");

        private string Store => Path.Combine(_dir.Path, "store");

        public async Task InitializeAsync()
        {
            (Volume, Snapshot, Image) = await StateDamage.SeedAsync(Store, new EbsOptions().BlockSize);
            await File.WriteAllBytesAsync(DiskImage, new byte[64 << 10]);
        }

        /// <summary>Copies the seeded store into <paramref name="dir"/>.</summary>
        /// <returns>The copy's path.</returns>
        public string CopyTo(string dir)
        {
            var copy = Path.Combine(dir, "store");
            foreach (var file in Directory.EnumerateFiles(Store, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(Store, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return copy;
        }

        public Task DisposeAsync()
        {
            _dir.Dispose();
            return Task.CompletedTask;
        }
    }
}
