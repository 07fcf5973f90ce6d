using System.Diagnostics;
using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>volume import</c> reads files, devices and pipes, and refuses what it cannot read before
/// the store is touched. Unix only: pipes.
/// </summary>
public sealed class ImportSourceTests
{
    [Fact]
    public async Task VolumeImport_Directory_UsageErrorAndNoStore()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);

        var (exitCode, output, error) = await ebs.RunAsync("volume", "import", dir.Path);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"ebs: '{dir.Path}' is a directory, not a disk image. (see 'ebs --help')\n", error);
        Assert.Empty(TestFiles.Entries(dir));
    }

    [Fact]
    public async Task VolumeImport_PipeWithoutSize_UsageErrorAndNoStore()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var pipe = Path.Combine(dir.Path, "pipe");
        await TestFiles.RunAsync("mkfifo", pipe);

        var (exitCode, output, error) = await ebs.RunAsync("volume", "import", pipe);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"ebs: '{pipe}' is a stream whose length is unknown until it ends: pass --size GIB. (see 'ebs --help')\n", error);
        Assert.Equal(["pipe"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task VolumeImport_StandardInputPipeWithSize_StreamsTheImage()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "store");
        var image = await TestFiles.WriteImageAsync(dir);
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("cat \"$1\" | dotnet \"$2\" volume import /dev/stdin --size 1 --output text --store \"$3\"");
        info.ArgumentList.Add("sh");
        foreach (var arg in (string[])[image, CliRunner.Executable, store])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var volume = output.Split('\t')[0];
        var exported = Path.Combine(dir.Path, "out.img");
        var (exportExitCode, _, exportError) = await new CliRunner(store, asProcess: false).RunAsync("volume", "export", volume, exported);

        Assert.True(process.ExitCode == 0, error);
        Assert.StartsWith("vol-", volume, StringComparison.Ordinal);
        Assert.True(exportExitCode == 0, exportError);
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(exported));
    }
}
