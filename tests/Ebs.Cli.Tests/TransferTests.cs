using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary><c>volume import</c> and <c>volume export</c> never leave a half-done volume or file.</summary>
public sealed class TransferTests
{
    [Fact]
    public async Task VolumeImport_ImageLargerThanSize_RefusedAndNoVolume()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = Path.Combine(dir.Path, "big.img");
        await using (var file = File.Create(image))
        {
            file.SetLength((1L << 30) + 1); // sparse
        }

        var (exitCode, _, error) = await ebs.RunAsync("volume", "import", image, "--size", "1");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: InvalidParameterValue:", error, StringComparison.Ordinal);
        Assert.Empty((await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
        Assert.Equal(0, (await ebs.JsonAsync("fsck")).GetProperty("StoredChunks").GetInt32());
    }

    [Fact]
    public async Task VolumeExport_ExistingFile_RefusedWithoutForceReplacedWithForce()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = await WriteImageAsync(dir, (1 << 20) + 5);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var target = Path.Combine(dir.Path, "out.img");
        await File.WriteAllTextAsync(target, "keep me");

        var (refused, _, error) = await ebs.RunAsync("volume", "export", volume, target);
        var kept = await File.ReadAllTextAsync(target);
        await ebs.JsonAsync("volume", "export", volume, target, "--force");

        Assert.Equal(1, refused);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("keep me", kept);
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(target));
        Assert.Equal(["big.img", "out.img", "store"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task VolumeExport_DamagedChunk_FailsAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = await WriteImageAsync(dir, 3 << 20);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var chunk = Directory.EnumerateFiles(Path.Combine(dir.Path, "store", "chunks"), "*", SearchOption.AllDirectories).First();
        var bytes = await File.ReadAllBytesAsync(chunk);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(chunk, bytes);

        var (exitCode, _, error) = await ebs.RunAsync("volume", "export", volume, Path.Combine(dir.Path, "out.img"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: InternalError:", error, StringComparison.Ordinal);
        Assert.Equal(["big.img", "store"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task VolumeExport_VolumeRestoredFromSnapshotOfImport_EqualsImageByteForByte()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = await WriteImageAsync(dir, (3 << 20) + 1234);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        time.Advance(TimeSpan.FromMinutes(1));
        var restored = (await ebs.JsonAsync("volume", "create", "--snapshot", snapshot, "--size", "2")).GetProperty("VolumeId").GetString()!;
        var exported = Path.Combine(dir.Path, "out.img");

        await ebs.JsonAsync("volume", "export", restored, exported);

        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(exported));
    }

    [Fact]
    public async Task ExportAsync_CancelledMidway_LeavesNoFile()
    {
        using var dir = new TempDirectory();
        await using var t = new TestCloud();
        var volume = await t.Ec2.ImportVolumeAsync(new Core.Services.ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(TestCloud.Image(40 << 20, seed: 3)) });
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Transfer.DiskImage.ExportAsync(t.Ec2, volume.Volume.VolumeId, 40 << 20, TestCloud.BlockSize, Transfer.ExportTarget.Resolve(Path.Combine(dir.Path, "out.img"), Path.Combine(dir.Path, "store"), force: false), new CancelOnReport(cancel), cancel.Token));

        Assert.Empty(TestFiles.Entries(dir));
    }

    /// <summary>Writes an image of random bytes with holes, named <c>big.img</c>.</summary>
    private static async Task<string> WriteImageAsync(TempDirectory dir, int length)
    {
        var path = Path.Combine(dir.Path, "big.img");
        await File.WriteAllBytesAsync(path, TestCloud.Image(length, seed: length));
        return path;
    }

    /// <summary>Cancels the transfer once its first batch is written.</summary>
    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<long>
    {
        public void Report(long value) => cancel.Cancel();
    }
}
