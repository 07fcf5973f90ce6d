using System.Diagnostics;
using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>ebs snapshot export --wait</c> processes killed with SIGKILL at random moments (while the
/// snapshot is still pending, or while writing): the file exists only when complete, the
/// snapshot's image byte for byte, and the next export removes what a killed one left.
/// </summary>
public sealed class SnapshotExportKillTests
{
    private const int Rounds = 6;

    [Fact]
    public async Task SnapshotExportKilledAtRandomMoments_FileOnlyWhenComplete()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = new byte[24 << 20];
        new Random(11).NextBytes(image);
        image.AsSpan(8 << 20, 8 << 20).Clear(); // a run of zeros, left as holes
        var imagePath = Path.Combine(dir.Path, "disk.img");
        await File.WriteAllBytesAsync(imagePath, image);
        var volume = (await ebs.JsonAsync("volume", "import", imagePath)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        var target = Path.Combine(dir.Path, "out.img");
        var random = new Random(5);
        var took = 3000;
        var killed = 0;

        for (var round = 0; round < Rounds; round++)
        {
            File.Delete(target);
            var clock = Stopwatch.StartNew();
            using var child = CliRunner.Start(["snapshot", "export", snapshot, target, "--wait", "--store", Path.Combine(dir.Path, "store")]);
            if (round < Rounds - 1)
            {
                await Task.Delay(random.Next(50, took));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    killed++;
                }
            }

            await child.WaitForExitAsync();
            if (child.ExitCode == 0)
            {
                took = (int)clock.ElapsedMilliseconds;
            }

            Assert.True(!File.Exists(target) || (await File.ReadAllBytesAsync(target)).AsSpan().SequenceEqual(image), $"round {round}: {target} exists but is not the snapshot's image");
        }

        Assert.True(killed > 0, "no export was killed before it finished");
        Assert.Equal(image, await File.ReadAllBytesAsync(target)); // the last round runs to the end
        Assert.Equal(["disk.img", "out.img", "store"], TestFiles.Entries(dir)); // it removed the partial files of the killed ones
    }
}
