using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary><c>store init --block-size</c> records a new store's block size, which every later command opens it with.</summary>
public sealed class StoreInitTests
{
    [Fact]
    public async Task StoreInit_BlockSize64K_RecordedAndUsedByLaterCommands()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = Path.Combine(dir.Path, "disk.img");
        await File.WriteAllBytesAsync(image, TestCloud.Image(300 << 10, seed: 7));

        var created = await ebs.JsonAsync("store", "init", "--block-size", "64K");
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var exported = Path.Combine(dir.Path, "out.img");
        await ebs.JsonAsync("volume", "export", volume, exported);
        var again = await ebs.JsonAsync("store", "init");

        Assert.Equal(65536, created.GetProperty("BlockSize").GetInt32());
        Assert.Equal(65536, again.GetProperty("BlockSize").GetInt32()); // an existing store keeps its size
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(exported));
        Assert.Equal(5, (await ebs.JsonAsync("fsck")).GetProperty("StoredChunks").GetInt32()); // 300 KiB in 64-KiB blocks
    }

    [Fact]
    public async Task StoreInit_OtherBlockSizeThanTheStores_RefusedAndStoreUnchanged()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        await ebs.JsonAsync("store", "init", "--block-size", "65536");

        var (exitCode, _, error) = await ebs.RunAsync("store", "init", "--block-size", "1M");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: LocalStore.BlockSizeMismatch:", error, StringComparison.Ordinal);
        Assert.Equal(65536, (await ebs.JsonAsync("store", "init")).GetProperty("BlockSize").GetInt32());
    }

    [Theory]
    [InlineData("3K")]
    [InlineData("2M")]
    [InlineData("2048")]
    [InlineData("big")]
    public async Task StoreInit_BlockSizeNotAllowed_RefusedAndNothingCreated(string size)
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);

        var (exitCode, _, error) = await ebs.RunAsync("store", "init", "--block-size", size);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--block-size must be one of 4K, 8K, 16K, 32K, 64K, 128K, 256K, 512K, 1M", error, StringComparison.Ordinal);
        Assert.Empty(TestFiles.Entries(dir));
    }
}
