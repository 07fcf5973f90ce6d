using System.Diagnostics;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;

namespace Ebs.Cli.Tests;

/// <summary>Ctrl-C (SIGINT) and SIGTERM cancel the running command: <c>ebs: interrupted</c> and exit code 130.</summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task CancelledToken_InterruptedExit130()
    {
        using var dir = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (exitCode, _, error) = await CliRunner.RunInProcessAsync(["volume", "create", "--size", "1", "--store", dir.Path], cancellationToken: cancelled.Token);

        Assert.Equal(130, exitCode);
        Assert.Equal("ebs: interrupted", error.TrimEnd());
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task SignalDuringLongImport_InterruptedExit130(string signal)
    {
        using var dir = new TempDirectory();
        var store = Directory.CreateDirectory(Path.Combine(dir.Path, "store")).FullName;
        var image = Path.Combine(dir.Path, "huge.img");
        await using (var file = File.Create(image))
        {
            file.SetLength(1L << 40); // a terabyte of holes: minutes to read, no disk used
        }

        using var opened = new FileSystemWatcher(store, LocalDirectory.StateFileName);
        var storeOpen = new TaskCompletionSource();
        opened.Created += (_, _) => storeOpen.TrySetResult();
        opened.EnableRaisingEvents = true;
        using var child = CliRunner.Start(["volume", "import", image, "--store", store]);
        var error = child.StandardError.ReadToEndAsync();

        // The signal handlers are in place before the store is opened.
        await storeOpen.Task.WaitAsync(TimeSpan.FromMinutes(1));
        using (var kill = Process.Start("kill", [$"-{signal}", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(130, child.ExitCode);
        Assert.Equal("ebs: interrupted", (await error).TrimEnd());
    }
}
