using System.Text.Json;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;

namespace Ebs.Cli.Tests;

/// <summary>Every error is one <c>ebs: …</c> line on standard error and an exit code by kind, whatever threw it.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task UnexpectedExceptionType_OneLineExit1()
    {
        // A NUL in a path makes .NET throw ArgumentException, a type no command expects.
        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(["volume", "create", "--size", "1", "--store", "a\0b"]);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("ebs: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedTypeInitializer_LineGivesItsCause()
    {
        var error = new StringWriter();
        var missing = new DllNotFoundException("Unable to load shared library 'e_sqlite3' or one of its dependencies.");

        var exitCode = await ErrorReport.WriteAsync(error, new TypeInitializationException("SQLitePCL.raw", new TypeInitializationException("Inner", missing)), verbose: false, interrupted: false);

        Assert.Equal(1, exitCode);
        Assert.Equal("ebs: Unable to load shared library 'e_sqlite3' or one of its dependencies.", Assert.Single(Lines(error.ToString())));
    }

    [Fact]
    public async Task UnexpectedExceptionWithVerbose_LineThenTrace()
    {
        var (exitCode, _, error) = await CliRunner.RunInProcessAsync(["volume", "create", "--size", "1", "--store", "a\0b", "--verbose"]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: ", Lines(error)[0], StringComparison.Ordinal);
        Assert.Contains(Lines(error), line => line.StartsWith("System.ArgumentException: ", StringComparison.Ordinal));
        Assert.Contains(Lines(error), line => line.TrimStart().StartsWith("at Ebs.Cli.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EbsExceptionWithVerbose_CodeLineThenTrace()
    {
        using var dir = new TempDirectory();

        var (exitCode, _, error) = await new CliRunner(dir.Path, asProcess: false).RunAsync("volume", "delete", "vol-0123456789abcdef0", "--verbose");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: InvalidVolume.NotFound: ", Lines(error)[0], StringComparison.Ordinal);
        Assert.Contains(Lines(error), line => line.TrimStart().StartsWith("at Ebs.Core.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DamagedStateAsProcess_OneLineExit1NoTrace()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, LocalDirectory.StateFileName), "not a database, not even close to one");

        var (exitCode, _, error) = await new CliRunner(dir.Path, asProcess: true).RunAsync("volume", "list");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("volume", "list", "--output", "xml")]
    [InlineData("volume", "list", "--output", "1")]
    [InlineData("volume", "list", "--json", "--output", "text")]
    [InlineData("volume", "create", "--size", "one")]
    [InlineData("volume", "frobnicate")]
    [InlineData("volume", "create", "--siz", "1")]
    [InlineData("snapshot", "diff", "snap-0123456789abcdef0")]
    [InlineData("snapshot")]
    [InlineData("volume", "list", "--output")]
    [InlineData("volume", "export", "vol-0123456789abcdef0", "-")]
    public async Task UsageError_OneLineExit2(params string[] args)
    {
        using var dir = new TempDirectory();

        var (exitCode, _, error) = await new CliRunner(dir.Path, asProcess: false).RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ebs: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ebs: 'volume' needs a command: create, list, delete, import, export, attach, detach. (see 'ebs --help')", "volume")]
    [InlineData("ebs: --size must be a whole number, not 'abc'. (see 'ebs --help')", "volume", "create", "--size", "abc")]
    [InlineData("ebs: --size must be a whole number, not 'abc'. (see 'ebs --help')", "volume", "create", "--size=abc")]
    [InlineData("ebs: --size is out of range: '99999999999'. (see 'ebs --help')", "volume", "create", "--size", "99999999999")]
    [InlineData("ebs: --bytes must be a whole number, not '1k'. (see 'ebs --help')", "volume", "export", "vol-0123456789abcdef0", "x.img", "--bytes", "1k")]
    [InlineData("ebs: --size needs a value. (see 'ebs --help')", "volume", "create", "--size")]
    [InlineData("ebs: --output needs a value. (see 'ebs --help')", "volume", "list", "--output")]
    [InlineData("ebs: --output needs a value. (see 'ebs --help')", "volume", "list", "--output", "--json")]
    [InlineData("ebs: --store needs a value. (see 'ebs --help')", "volume", "create", "--size", "1", "--store")]
    [InlineData("ebs: -d needs a value. (see 'ebs --help')", "snapshot", "create", "vol-0123456789abcdef0", "-d")]
    [InlineData("ebs: '-' is not an argument ebs takes; for a file named '-', write ./- (see 'ebs --help')", "volume", "export", "vol-0123456789abcdef0", "-")]
    public async Task UsageError_LineNamesTheMistakeNothingOnOutput(string expected, params string[] args)
    {
        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(args);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Equal(expected, Assert.Single(Lines(error)));
    }

    [Fact]
    public async Task GroupHelp_HelpExit0()
    {
        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(["volume", "--help"]);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains("export", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeNumberOption_ReachesTheCommand()
    {
        using var dir = new TempDirectory();

        var (exitCode, _, error) = await new CliRunner(dir.Path, asProcess: false).RunAsync("volume", "create", "--size", "-5");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: InvalidParameterValue: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerboseBeforeCommand_LineThenTrace()
    {
        var (exitCode, _, error) = await CliRunner.RunInProcessAsync(["--verbose", "volume", "create", "--size", "1", "--store", "a\0b"]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: ", Lines(error)[0], StringComparison.Ordinal);
        Assert.Contains(Lines(error), line => line.StartsWith("System.ArgumentException: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerboseBeforeCommand_CommandRuns()
    {
        using var dir = new TempDirectory();

        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(["--verbose", "volume", "create", "--size", "1", "--store", dir.Path, "--json"]);

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("vol-", JsonDocument.Parse(output).RootElement.GetProperty("VolumeId").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData("  ", false)]
    [InlineData(" \t", true)]
    public async Task BlankStoreOption_UsageErrorExit2(string store, bool asProcess)
    {
        string[] args = ["volume", "create", "--size", "1", "--store", store];

        var (exitCode, _, error) = asProcess ? await CliRunner.RunProcessAsync(args) : await CliRunner.RunInProcessAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ebs: --store is empty", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task BlankStoreOptionOnDemo_UsageErrorExit2(string store)
    {
        var (exitCode, _, error) = await CliRunner.RunInProcessAsync(["demo", "--store", store]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ebs: --store is empty", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task BlankStoreVariableAsProcess_UsageErrorExit2(string store)
    {
        var (exitCode, _, error) = await CliRunner.RunProcessAsync(["volume", "create", "--size", "1"], new Dictionary<string, string?> { ["EBS_STORE"] = store });

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ebs: EBS_STORE is set but empty", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("volume", "create", "--size", "1")]
    [InlineData("volume", "list")]
    [InlineData("demo")]
    public async Task StoreOptionNamesFile_UsageErrorSaysNotADirectory(params string[] command)
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "file.txt");
        await File.WriteAllTextAsync(file, "not a store");

        var (exitCode, output, error) = await CliRunner.RunInProcessAsync([.. command, "--store", file]);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Equal($"ebs: --store '{file}' is not a directory. (see 'ebs --help')", Assert.Single(Lines(error)));
        Assert.Equal("not a store", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task StoreVariableNamesFileAsProcess_UsageErrorSaysNotADirectory()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "file.txt");
        await File.WriteAllTextAsync(file, "not a store");

        var (exitCode, _, error) = await CliRunner.RunProcessAsync(["volume", "list"], new Dictionary<string, string?> { ["EBS_STORE"] = file });

        Assert.Equal(2, exitCode);
        Assert.Equal($"ebs: EBS_STORE '{file}' is not a directory. (see 'ebs --help')", Assert.Single(Lines(error)));
    }

    [Fact]
    public async Task Version_PrintsInformationalVersionExit0()
    {
        var (exitCode, output, _) = await CliRunner.RunInProcessAsync(["--version"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(CliApp.Version, output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", CliApp.Version);
    }

    [Fact]
    public async Task Demo_InMemory_Exit0()
    {
        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(["demo"]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("snap-", output, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
