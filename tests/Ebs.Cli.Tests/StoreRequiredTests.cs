using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>Commands that only read refuse to run where there is no store, and leave no trace there.</summary>
public sealed class StoreRequiredTests
{
    public static TheoryData<string[]> ReadOnlyCommands => new()
    {
        { ["volume", "list"] },
        { ["snapshot", "list"] },
        { ["image", "list"] },
        { ["instance", "list"] },
        { ["snapshot", "diff", "snap-0123456789abcdef0", "snap-0123456789abcdef1"] },
        { ["snapshot", "blocks", "snap-0123456789abcdef0"] },
        { ["usage"] },
        { ["volume", "export", "vol-0123456789abcdef0", "out.img"] },
        { ["fsck"] },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_MissingDirectory_NoStoreExit1NothingCreated(string[] args)
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "typo");

        var (exitCode, _, error) = await new CliRunner(store, asProcess: false).RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"ebs: LocalStore.NotFound: There is no store at '{store}'", error.TrimEnd());
        Assert.False(Directory.Exists(store));
    }

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_UnrelatedDirectory_NoStoreExit1DirectoryUntouched(string[] args)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "notes.txt"), "not a store");

        var (exitCode, _, error) = await new CliRunner(dir.Path, asProcess: false).RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"ebs: LocalStore.NotFound: There is no store at '{dir.Path}'", error.TrimEnd());
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ListAsProcess_MissingDirectory_NoStoreExit1()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "typo");

        var (exitCode, output, error) = await new CliRunner(store, asProcess: true).RunAsync("volume", "list");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"ebs: LocalStore.NotFound: There is no store at '{store}'", error.TrimEnd());
        Assert.False(Directory.Exists(store));
    }

    [Fact]
    public async Task WriteCommand_MissingDirectory_CreatesStoreThatListsFind()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "new"), asProcess: false);

        var created = (await ebs.JsonAsync("volume", "create", "--size", "1")).GetProperty("VolumeId").GetString();
        var listed = (await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray().Single().GetProperty("VolumeId").GetString();

        Assert.Equal(created, listed);
    }
}
