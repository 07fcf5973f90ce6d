using System.Diagnostics;
using System.Globalization;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary><c>snapshot export</c> restores a snapshot to a sparse file without a volume; <c>--wait</c> waits for a pending one.</summary>
public sealed class SnapshotExportTests
{
    private const int Block = 512 << 10;

    [Theory]
    [InlineData(1234)] // a tail shorter than one 4-KiB unit: written through the page cache
    [InlineData(5000)] // a whole unit written directly, the rest through the page cache
    public async Task SnapshotExport_CompletedSnapshot_EqualsImageSparseAndNoVolumeCreated(int tail)
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = await WriteImageAsync(dir, dataBlocks: [0, 6], blocks: 9, tail);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        time.Advance(TimeSpan.FromMinutes(1));
        var exported = Path.Combine(dir.Path, "out.img");

        var result = await ebs.JsonAsync("snapshot", "export", snapshot, exported);

        Assert.Equal((9L * Block) + tail, result.GetProperty("Bytes").GetInt64());
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(exported));
        Assert.True(AllocatedBytes(exported) <= 3L * Block, $"{AllocatedBytes(exported)} bytes allocated for 2 written blocks"); // the zeros are holes
        Assert.Single((await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
        Assert.Equal(["big.img", "out.img", "store"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task SnapshotExport_PendingWithoutWait_IncorrectStateAndNoFile()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = await WriteImageAsync(dir, dataBlocks: [1], blocks: 2, tail: 0);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;

        var (exitCode, _, error) = await ebs.RunAsync("snapshot", "export", snapshot, Path.Combine(dir.Path, "out.img"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: IncorrectState:", error, StringComparison.Ordinal);
        Assert.Contains("--wait", error, StringComparison.Ordinal);
        Assert.Equal(["big.img", "store"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task SnapshotExport_PendingWithWait_WaitsOnTheClockUntilCompleted()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = await WriteImageAsync(dir, dataBlocks: [0, 1], blocks: 2, tail: 0);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        var exported = Path.Combine(dir.Path, "out.img");

        var export = ebs.RunAsync("snapshot", "export", snapshot, exported, "--wait");
        var started = time.GetUtcNow();
        while (!export.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }

        var (exitCode, _, error) = await export;
        Assert.True(exitCode == 0, error);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(5), "returned before the snapshot's setup time passed");
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(exported));
    }

    [Theory]
    [InlineData("snap-nope", "InvalidSnapshotID.Malformed")]
    [InlineData("snap-0123456789abcdef0", "InvalidSnapshot.NotFound")]
    public async Task SnapshotExport_BadSnapshot_RefusedWithItsCodeAndNoFile(string snapshot, string code)
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        await ebs.JsonAsync("volume", "create", "--size", "1");

        var (exitCode, _, error) = await ebs.RunAsync("snapshot", "export", snapshot, Path.Combine(dir.Path, "out.img"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"ebs: {code}:", error, StringComparison.Ordinal);
        Assert.Equal(["store"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task SnapshotExport_ExistingFileWithoutForce_RefusedAndKept()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = await WriteImageAsync(dir, dataBlocks: [0], blocks: 1, tail: 0);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        time.Advance(TimeSpan.FromMinutes(1));
        var target = Path.Combine(dir.Path, "out.img");
        await File.WriteAllTextAsync(target, "keep me");

        var (refused, _, error) = await ebs.RunAsync("snapshot", "export", snapshot, target);
        var (tooLong, _, lengthError) = await ebs.RunAsync("snapshot", "export", snapshot, target, "--force", "--bytes", ((1L << 30) + 1).ToString(CultureInfo.InvariantCulture));

        Assert.Equal((1, 1), (refused, tooLong));
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.StartsWith("ebs: InvalidParameterValue:", lengthError, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task VolumeCreate_FromPendingSnapshotWithWait_CreatedOnceCompleted()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = await WriteImageAsync(dir, dataBlocks: [0], blocks: 1, tail: 0);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;

        var (refused, _, error) = await ebs.RunAsync("volume", "create", "--snapshot", snapshot);
        var create = ebs.RunAsync("volume", "create", "--snapshot", snapshot, "--wait");
        while (!create.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }

        Assert.Equal(1, refused);
        Assert.StartsWith("ebs: IncorrectState:", error, StringComparison.Ordinal);
        Assert.Equal(0, (await create).ExitCode);
        Assert.Equal(2, (await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").GetArrayLength());
    }

    /// <summary>Writes <c>big.img</c>: <paramref name="blocks"/> 512-KiB blocks (random where listed in <paramref name="dataBlocks"/>, zeros elsewhere), then <paramref name="tail"/> random bytes.</summary>
    private static async Task<string> WriteImageAsync(TempDirectory dir, int[] dataBlocks, int blocks, int tail)
    {
        var bytes = new byte[((long)blocks * Block) + tail];
        var random = new Random(blocks);
        foreach (var block in dataBlocks)
        {
            random.NextBytes(bytes.AsSpan(block * Block, Block));
        }

        random.NextBytes(bytes.AsSpan(blocks * Block));
        var path = Path.Combine(dir.Path, "big.img");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    /// <summary>The bytes the file system allocated to <paramref name="path"/> (<c>stat</c>'s 512-byte blocks).</summary>
    private static long AllocatedBytes(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%b", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture) * 512;
    }
}
