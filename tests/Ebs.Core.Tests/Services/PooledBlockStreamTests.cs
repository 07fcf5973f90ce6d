using System.Buffers;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

/// <summary>GetSnapshotBlock's stream: reads, seeks and copies its block's bytes only, and refuses everything once disposed.</summary>
public sealed class PooledBlockStreamTests
{
    [Fact]
    public async Task Read_InPiecesSeekAndCopy_TheBlockOnly()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(100);
        var block = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        block.CopyTo(buffer, 0);
        using var stream = new PooledBlockStream(buffer, 100);

        var first = new byte[60];
        Assert.Equal(60, stream.Read(first));
        Assert.Equal(60, stream.Position);
        var rest = new byte[60];
        Assert.Equal(40, await stream.ReadAsync(rest));
        Assert.Equal(0, stream.Read(rest));
        Assert.Equal(-1, stream.ReadByte());
        Assert.Equal(block, first.Concat(rest[..40]).ToArray());

        Assert.Equal(98, stream.Seek(-2, SeekOrigin.End));
        Assert.Equal(98, stream.ReadByte());
        stream.Position = 10;
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(block[10..], copy.ToArray());
        Assert.Equal((100L, false, true), (stream.Length, stream.CanWrite, stream.CanRead));
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
    }

    [Fact]
    public void Dispose_ThenAnyRead_ObjectDisposed()
    {
        var stream = new PooledBlockStream(ArrayPool<byte>.Shared.Rent(10), 10);

        stream.Dispose();
        stream.Dispose();

        Assert.False(stream.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[1]));
        Assert.Throws<ObjectDisposedException>(() => stream.Length);
        Assert.Throws<ObjectDisposedException>(() => stream.Seek(0, SeekOrigin.Begin));
    }
}
