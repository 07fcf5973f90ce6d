using System.Security.Cryptography;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Chunks;

public sealed class SealedChunkTests
{
    private static readonly ChunkKey Key = new("arn:aws:kms:us-east-1:111111111111:key/k", RandomNumberGenerator.GetBytes(ChunkKey.Length));

    [Fact]
    public void Seal_ThenOpen_SameBlockAndNoPlaintextInTheSealedBytes()
    {
        var block = TestCloud.Block(1);
        var id = new ChunkId(42);
        var sealedChunk = new byte[block.Length + SealedChunk.Overhead];

        SealedChunk.Seal(Key, id, block, sealedChunk);
        var opened = new byte[block.Length];

        Assert.True(SealedChunk.TryOpen(Key, id, sealedChunk, opened));
        Assert.Equal(block, opened);
        Assert.True(sealedChunk.AsSpan().IndexOf(block.AsSpan(0, 64)) < 0);
    }

    [Fact]
    public void TryOpen_FlippedByteOtherIdOrOtherKey_False()
    {
        var block = TestCloud.Block(2);
        var id = new ChunkId(7);
        var sealedChunk = new byte[block.Length + SealedChunk.Overhead];
        SealedChunk.Seal(Key, id, block, sealedChunk);
        var opened = new byte[block.Length];
        var other = new ChunkKey("arn:aws:kms:us-east-1:111111111111:key/other", RandomNumberGenerator.GetBytes(ChunkKey.Length));

        Assert.False(SealedChunk.TryOpen(Key, new ChunkId(8), sealedChunk, opened));
        Assert.False(SealedChunk.TryOpen(other, id, sealedChunk, opened));
        sealedChunk[100] ^= 1;
        Assert.False(SealedChunk.TryOpen(Key, id, sealedChunk, opened));
    }

    [Fact]
    public async Task ChunkWriter_KeyedScope_SealedInTheStoreAndIdsDifferFromThePlainScope()
    {
        using var store = new InMemoryChunkStore(TestCloud.BlockSize);
        var block = TestCloud.Block(3);
        var plain = new ChunkScope(TestCloud.Account, TestCloud.Region);
        var keyed = new ChunkScope(TestCloud.Account, TestCloud.Region, Key);

        var (plainId, _) = await ChunkWriter.StoreAsync(store, plain, block, verify: true, CancellationToken.None);
        var (keyedId, _) = await ChunkWriter.StoreAsync(store, keyed, block, verify: true, CancellationToken.None);
        var (again, storedAgain) = await ChunkWriter.StoreAsync(store, keyed, block, verify: true, CancellationToken.None);
        var raw = new byte[TestCloud.BlockSize + SealedChunk.Overhead];
        var read = new byte[TestCloud.BlockSize];

        Assert.NotEqual(plainId, keyedId);
        Assert.Equal(keyedId, again);
        Assert.False(storedAgain);
        Assert.True(await store.TryReadAsync(keyedId, raw));
        Assert.NotEqual(block, raw[SealedChunk.NonceLength..(SealedChunk.NonceLength + block.Length)]);
        Assert.True(await ChunkReader.TryReadAsync(store, keyed, keyedId, read, CancellationToken.None));
        Assert.Equal(block, read);
        Assert.Equal(EbsErrorCodes.InternalError, (await Assert.ThrowsAsync<EbsException>(() => store.TryReadAsync(keyedId, new byte[TestCloud.BlockSize]).AsTask())).ErrorCode);
    }
}
