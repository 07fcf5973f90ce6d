using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary><c>snapshot put-image</c>, <c>snapshot blocks</c> and <c>snapshot get-block</c>: a backup agent's round trip through the EBS direct APIs.</summary>
public sealed class DirectCommandTests : IDisposable
{
    private const int BlockSize = 512 * 1024;
    private const int Blocks = 12;
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PutImageOnParent_WritesOnlyChangedBlocks_BlocksAndGetBlockReadThemBack()
    {
        var ebs = new CliRunner(Path.Combine(_dir.Path, "store"), asProcess: false, _time);
        var image = Path.Combine(_dir.Path, "disk.img");
        var bytes = new byte[Blocks * BlockSize];
        new Random(5).NextBytes(bytes);
        Array.Clear(bytes, 3 * BlockSize, BlockSize); // a hole
        await File.WriteAllBytesAsync(image, bytes);

        var first = (await ebs.JsonAsync("snapshot", "put-image", image)).GetProperty("SnapshotId").GetString()!;
        _time.Advance(TimeSpan.FromHours(1));
        bytes[(7 * BlockSize) + 10] ^= 0xff;
        await File.WriteAllBytesAsync(image, bytes);
        var put = await ebs.JsonAsync("snapshot", "put-image", image, "--parent", first);
        _time.Advance(TimeSpan.FromHours(1));
        var second = put.GetProperty("SnapshotId").GetString()!;

        Assert.Equal(1, put.GetProperty("ChangedBlocksCount").GetInt32());
        var listed = (await ebs.JsonAsync("snapshot", "blocks", second)).GetProperty("Blocks").EnumerateArray().Select(b => b.GetProperty("BlockIndex").GetInt64());
        Assert.Equal(Enumerable.Range(0, Blocks).Where(b => b != 3).Select(b => (long)b), listed);
        var diff = (await ebs.JsonAsync("snapshot", "diff", first, second)).GetProperty("ChangedBlocks").EnumerateArray().Select(b => b.GetProperty("BlockIndex").GetInt64());
        Assert.Equal([7L], diff);
        var block = Path.Combine(_dir.Path, "block.bin");
        await ebs.JsonAsync("snapshot", "get-block", second, "7", "--out", block);
        Assert.Equal(bytes.AsSpan(7 * BlockSize, BlockSize).ToArray(), await File.ReadAllBytesAsync(block));
        await ebs.JsonAsync("snapshot", "get-block", second, "3", "--out", block);
        Assert.Equal(new byte[BlockSize], await File.ReadAllBytesAsync(block));
    }
}
