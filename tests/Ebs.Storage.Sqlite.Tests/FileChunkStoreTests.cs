using System.Buffers.Binary;
using System.IO.Hashing;
using Ebs.Core.Chunks;
using Ebs.Core.Tests;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class FileChunkStoreTests
{
    private static readonly ChunkId Id = new ChunkScope("111111111111", "us-east-1").Hash([1, 2, 3], 0);

    [Fact]
    public async Task PutThenFlush_ChunkReadsBackAndNoTemporaryFileRemains()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096);

        await store.PutAsync(Id, bytes);
        await store.FlushAsync();
        await store.FlushAsync(); // nothing left to flush

        Assert.True(File.Exists(store.PathOf(Id)));
        await AssertReadsBackAsync(store, Id, bytes);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "tmp")));
    }

    [Fact]
    public async Task PutNotFlushed_ReadableButNotUnderItsNameAndDiscardedOnReopen()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096);

        await store.PutAsync(Id, bytes);

        Assert.True(await store.ContainsAsync(Id));
        await AssertReadsBackAsync(store, Id, bytes);
        Assert.False(File.Exists(store.PathOf(Id))); // a crash now leaves no partial file under the chunk's name
        Assert.Empty(await store.EnumerateAsync().ToListAsync());

        var reopened = new FileChunkStore(dir.Path);
        Assert.False(await reopened.ContainsAsync(Id));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "tmp")));
    }

    [Fact]
    public async Task ManyChunksFlushedAtOnce_AllInPlaceAndReadable()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var scope = new ChunkScope("111111111111", "us-east-1");
        var chunks = Enumerable.Range(0, 40).Select(_ => RandomBytes(4096)).ToDictionary(b => scope.Hash(b));

        await Task.WhenAll(chunks.Select(c => store.PutAsync(c.Key, c.Value).AsTask()));
        await store.FlushAsync();

        var reopened = new FileChunkStore(dir.Path);
        Assert.Equal(chunks.Keys.Order(), (await reopened.EnumerateAsync().ToListAsync()).Order());
        foreach (var (id, bytes) in chunks)
        {
            await AssertReadsBackAsync(reopened, id, bytes);
        }
    }

    [Fact]
    public async Task FlushAfterDelete_Succeeds()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);

        await store.PutAsync(Id, RandomBytes(4096));
        Assert.True(await store.DeleteAsync(Id));
        await store.FlushAsync();

        Assert.False(await store.ContainsAsync(Id));
    }

    [Fact]
    public async Task ConcurrentPutsOfOneChunk_StoreOneFile()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await store.PutAsync(Id, bytes))));
        await store.FlushAsync();

        Assert.Equal([Id], await store.EnumerateAsync().ToListAsync());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "tmp")));
    }

    [Fact]
    public async Task ShardFolderRemovedFromOutside_PutRecreatesIt()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        await store.PutAsync(Id, RandomBytes(4096));
        await store.FlushAsync();
        Assert.True(await store.DeleteAsync(Id));
        Directory.Delete(Path.GetDirectoryName(store.PathOf(Id))!);

        var bytes = RandomBytes(4096);
        await store.PutAsync(Id, bytes);
        await store.FlushAsync();

        await AssertReadsBackAsync(store, Id, bytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstFormatFile_HeaderBeforeData_StillRead(bool dataEndsLikeATrailer)
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096);
        if (dataEndsLikeATrailer)
        {
            "EBS2"u8.CopyTo(bytes.AsSpan(bytes.Length - 16));
        }

        var file = new byte[16 + bytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(file, 0x43534245); // "EBSC"
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), bytes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(8), XxHash3.HashToUInt64(bytes));
        bytes.CopyTo(file, 16);
        Directory.CreateDirectory(Path.GetDirectoryName(store.PathOf(Id))!);
        await File.WriteAllBytesAsync(store.PathOf(Id), file);

        await AssertReadsBackAsync(store, Id, bytes);
    }

    [Fact]
    public async Task ChunkFile_IsDataThenTrailer()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096 + 100);

        await store.PutAsync(Id, bytes);
        await store.FlushAsync();

        var file = await File.ReadAllBytesAsync(store.PathOf(Id));
        Assert.Equal(bytes.Length + 16, file.Length);
        Assert.Equal(bytes, file[..bytes.Length]);
        Assert.Equal("EBS2"u8.ToArray(), file[bytes.Length..(bytes.Length + 4)]);
        Assert.Equal(bytes.Length, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(bytes.Length + 4)));
        Assert.Equal(XxHash3.HashToUInt64(bytes), BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(bytes.Length + 8)));
        await AssertReadsBackAsync(new FileChunkStore(dir.Path), Id, bytes);
    }

    [Fact]
    public async Task FailedFlush_StoreRefusesPutsAndFlushesUntilOpenedAgain()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        await store.PutAsync(Id, RandomBytes(4096));

        // A file where the chunk's shard folder must go makes the flush fail.
        var folder = Path.GetDirectoryName(store.PathOf(Id))!;
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        await File.WriteAllBytesAsync(folder, []);
        await Assert.ThrowsAnyAsync<IOException>(() => store.FlushAsync().AsTask());

        var other = new ChunkScope("111111111111", "us-east-1").Hash([9], 0);
        var refused = await Assert.ThrowsAnyAsync<IOException>(() => store.PutAsync(other, RandomBytes(4096)).AsTask());
        Assert.Contains("open it again", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<IOException>(() => store.FlushAsync().AsTask());

        File.Delete(folder);
        var reopened = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096);
        await reopened.PutAsync(Id, bytes);
        await reopened.FlushAsync();
        await AssertReadsBackAsync(reopened, Id, bytes);
    }

    [Fact]
    public async Task ConcurrentPutsReadsDeletesAndFlushes_ReadsNeverWrongAndReopenedStoreIntact()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var scope = new ChunkScope("111111111111", "us-east-1");
        var contents = Enumerable.Range(0, 24).Select(_ => RandomBytes(4096 + 16)).ToArray();
        var ids = contents.Select(c => scope.Hash(c)).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var read = new byte[4096 + 16];
            for (var step = 0; step < 150; step++)
            {
                var k = random.Next(contents.Length);
                switch (random.Next(4))
                {
                    case 0:
                        await store.PutAsync(ids[k], contents[k]);
                        break;
                    case 1:
                        if (await store.TryReadAsync(ids[k], read))
                        {
                            Assert.Equal(contents[k], read);
                        }

                        break;
                    case 2:
                        await store.DeleteAsync(ids[k]);
                        break;
                    default:
                        await store.FlushAsync();
                        break;
                }
            }
        })));
        await store.FlushAsync();

        var reopened = new FileChunkStore(dir.Path);
        foreach (var id in await reopened.EnumerateAsync().ToListAsync())
        {
            await AssertReadsBackAsync(reopened, id, contents[Array.IndexOf(ids, id)]);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "tmp")));
    }

    [Fact]
    public async Task RepairThenDelete_RemovesTheDamagedFileToo()
    {
        using var dir = new TempDirectory();
        var store = new FileChunkStore(dir.Path);
        var bytes = RandomBytes(4096);
        await store.PutAsync(Id, bytes);
        await store.FlushAsync();
        var file = await File.ReadAllBytesAsync(store.PathOf(Id));
        file[5] ^= 0xFF;
        await File.WriteAllBytesAsync(store.PathOf(Id), file);

        await store.RepairAsync(Id, bytes);
        Assert.True(await store.DeleteAsync(Id));

        Assert.False(await store.ContainsAsync(Id));
        await store.PutAsync(Id, bytes);
        await store.FlushAsync();
        await AssertReadsBackAsync(store, Id, bytes);
    }

    private static async Task AssertReadsBackAsync(FileChunkStore store, ChunkId id, byte[] bytes)
    {
        var read = new byte[bytes.Length];
        Assert.True(await store.TryReadAsync(id, read));
        Assert.Equal(bytes, read);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
