using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

public sealed class SnapshotDeleteTests
{
    [Fact]
    public async Task SeveralIds_DeletesEachInOrderInOneCommand()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, snapshots) = await StoreWithSnapshotsAsync(dir, 4);

        var (exitCode, output, error) = await ebs.RunAsync("snapshot", "delete", snapshots[2], snapshots[0], snapshots[2]);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal($"Deleted {snapshots[2]}.\nDeleted {snapshots[0]}.\n", output.ReplaceLineEndings("\n"));
        Assert.Equal([snapshots[1], snapshots[3]], await ListedAsync(ebs));
        Assert.NotEmpty(volume);
        Assert.True((await ebs.JsonAsync("fsck")).GetProperty("Clean").GetBoolean());
    }

    [Theory]
    [InlineData("snap-0123456789abcdef0", 1, "ebs: InvalidSnapshot.NotFound:")]
    [InlineData("snap-x", 1, "ebs: InvalidSnapshotID.Malformed:")]
    public async Task OneBadId_DeletesNone(string bad, int expectedCode, string expectedError)
    {
        using var dir = new TempDirectory();
        var (ebs, _, snapshots) = await StoreWithSnapshotsAsync(dir, 2);

        var (exitCode, _, error) = await ebs.RunAsync("snapshot", "delete", snapshots[0], bad, snapshots[1]);

        Assert.Equal(expectedCode, exitCode);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
        Assert.Equal(snapshots, await ListedAsync(ebs));
    }

    [Fact]
    public async Task RefusalPartWay_KeepsTheDeletesBeforeIt()
    {
        using var dir = new TempDirectory();
        var (ebs, _, snapshots) = await StoreWithSnapshotsAsync(dir, 3);
        await ebs.JsonAsync("image", "register", "golden", "--snapshot", snapshots[1]);

        var (exitCode, output, error) = await ebs.RunAsync("snapshot", "delete", snapshots[0], snapshots[1], snapshots[2]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"Deleted {snapshots[0]}.\n", output.ReplaceLineEndings("\n"));
        Assert.StartsWith("ebs: InvalidSnapshot.InUse:", error, StringComparison.Ordinal);
        Assert.Equal([snapshots[1], snapshots[2]], await ListedAsync(ebs));
    }

    private static async Task<(CliRunner Ebs, string Volume, string[] Snapshots)> StoreWithSnapshotsAsync(TempDirectory dir, int count)
    {
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = Path.Combine(dir.Path, "disk.img");
        var bytes = Enumerable.Range(0, 2 << 20).Select(i => (byte)(i % 251)).ToArray();
        await File.WriteAllBytesAsync(image, bytes);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshots = new string[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i * 4096] ^= 0xFF;
            await File.WriteAllBytesAsync(image, bytes);
            await ebs.JsonAsync("volume", "import", image, "--volume", volume);
            snapshots[i] = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        }

        return (ebs, volume, snapshots);
    }

    private static async Task<string[]> ListedAsync(CliRunner ebs)
        => [.. (await ebs.JsonAsync("snapshot", "list")).GetProperty("Snapshots").EnumerateArray()
            .OrderBy(s => s.GetProperty("StartTime").GetDateTimeOffset()).ThenBy(s => s.GetProperty("SnapshotId").GetString())
            .Select(s => s.GetProperty("SnapshotId").GetString()!)];
}
