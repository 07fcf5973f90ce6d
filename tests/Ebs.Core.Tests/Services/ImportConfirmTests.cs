using Ebs.Core.Chunks;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Services;

/// <summary>
/// An import into a volume that already holds most of the image: blocks that hash to the chunk
/// their volume holds are confirmed by reading those chunks back in batches, byte for byte, and
/// only the others go the way of any write.
/// </summary>
public sealed class ImportConfirmTests
{
    private const int B = TestCloud.BlockSize;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ImportVolume_UnchangedImageIntoItsVolume_ReadsHeldChunksBackInBatchesWithoutLookingThemUp(bool verify)
    {
        using var store = new InMemoryChunkStore(B);
        var counting = new CountingStore(store);
        await using var cloud = new EbsCloud(new EbsOptions { BlockSize = B, IdSeed = 1, VerifyDedupHits = verify }, chunkStore: counting);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var image = TestCloud.Image(300 * B, seed: 4); // 200 written blocks, 100 holes
        var volume = (await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) })).Volume.VolumeId;
        var snapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume })).Snapshot;
        counting.Reset();

        await ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = volume, Source = new MemoryStream(image) });

        Assert.Equal((0, 0, 0), (counting.Contains, counting.Reads, counting.Puts));
        Assert.Equal(verify ? 200 : 0, counting.ReadMany);
        Assert.Equal(image, await ReadAsync(ec2, volume, image.Length));
        var next = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume })).Snapshot;
        Assert.Empty((await cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListChangedBlocksAsync(new ListChangedBlocksRequest { FirstSnapshotId = snapshot.SnapshotId, SecondSnapshotId = next.SnapshotId })).ChangedBlocks);
    }

    [Fact]
    public async Task ImportVolume_HeldChunkHoldsOtherBytes_StoresTheBlockUnderTheNextIdInsteadOfSharing()
    {
        var mine = TestCloud.Block(1);
        var scope = new ChunkScope(TestCloud.Account, TestCloud.Region);
        using var store = new InMemoryChunkStore(B);
        var counting = new CountingStore(store);
        await using var cloud = new EbsCloud(new EbsOptions { BlockSize = B, IdSeed = 1 }, chunkStore: counting);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = (await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(mine) })).Volume.VolumeId;
        counting.Collide(scope.Hash(mine), TestCloud.Block(2)); // the id the volume holds now reads as other bytes, as a collision would

        await ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = volume, Source = new MemoryStream(mine) });

        Assert.Equal(scope.Hash(mine, probe: 1), cloud.Engine.World.Volumes[volume].Dirty[0]);
        Assert.Equal(mine, await ReadAsync(ec2, volume, B));
    }

    private static async Task<byte[]> ReadAsync(Ec2Client ec2, Ebs.Core.Domain.VolumeId volume, int length)
    {
        var bytes = new byte[length];
        await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume, Offset = 0, Destination = bytes });
        return bytes;
    }

    /// <summary>Counts the calls that reach the store, by kind; reads of one chosen id can be made to give other bytes.</summary>
    private sealed class CountingStore(IChunkStore inner) : IChunkStore
    {
        private int _contains;
        private int _reads;
        private int _readMany;
        private int _puts;

        public int Contains => _contains;

        public int Reads => _reads;

        public int ReadMany => _readMany;

        public int Puts => _puts;

        private (ChunkId Id, byte[] Bytes)? _collision;

        public void Collide(ChunkId id, byte[] bytes) => _collision = (id, bytes);

        public void Reset() => (_contains, _reads, _readMany, _puts) = (0, 0, 0, 0);

        public ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _puts);
            return inner.PutAsync(id, data, cancellationToken);
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => inner.RepairAsync(id, data, cancellationToken);

        public ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            if (_collision is { } collision && collision.Id == id)
            {
                collision.Bytes.CopyTo(destination);
                return ValueTask.FromResult(true);
            }

            return inner.TryReadAsync(id, destination, cancellationToken);
        }

        public ValueTask ReadManyAsync(ReadOnlyMemory<ChunkId> ids, Memory<byte> destination, Memory<bool> found, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _readMany, ids.Length);
            return _collision is null ? inner.ReadManyAsync(ids, destination, found, cancellationToken) : ReadOneByOneAsync(ids, destination, found, cancellationToken);
        }

        private async ValueTask ReadOneByOneAsync(ReadOnlyMemory<ChunkId> ids, Memory<byte> destination, Memory<bool> found, CancellationToken cancellationToken)
        {
            var length = destination.Length / ids.Length;
            for (var i = 0; i < ids.Length; i++)
            {
                var read = await TryReadAsync(ids.Span[i], destination.Slice(i * length, length), cancellationToken);
                found.Span[i] = read;
            }
        }

        public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _contains);
            return inner.ContainsAsync(id, cancellationToken);
        }

        public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default) => inner.DeleteAsync(id, cancellationToken);

        public IAsyncEnumerable<ChunkId> EnumerateAsync(CancellationToken cancellationToken = default) => inner.EnumerateAsync(cancellationToken);
    }
}
