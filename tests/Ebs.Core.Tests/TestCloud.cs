using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests;

/// <summary>A small cloud with 4-KiB blocks on a fake clock, and helpers to fill blocks.</summary>
public sealed class TestCloud : IAsyncDisposable
{
    public const string Account = "111111111111";
    public const string Region = "us-east-1";
    public const int BlockSize = 4096;

    public TestCloud(Action<EbsOptions>? configure = null)
    {
        Cloud = EbsCloud.CreateInMemory(o =>
        {
            o.BlockSize = BlockSize;
            o.IdSeed = 42;
            configure?.Invoke(o);
        }, Time);
        Ec2 = Cloud.Account(Account).Ec2(Region);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public EbsCloud Cloud { get; }

    public Ec2Client Ec2 { get; }

    public int StoredChunks => ((Ebs.Core.Storage.InMemoryChunkStore)Cloud.ChunkStore).Count;

    public static byte[] Block(int seed)
    {
        var bytes = new byte[BlockSize];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A disk image of <paramref name="length"/> random bytes whose every third block is zeros (a hole).</summary>
    public static byte[] Image(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (var offset = 0; offset < length; offset += 3 * BlockSize)
        {
            Array.Clear(bytes, offset, Math.Min(BlockSize, length - offset));
        }

        return bytes;
    }

    public async ValueTask<Volume> CreateVolumeAsync(int sizeGiB = 1, string zone = "us-east-1a")
        => (await Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = zone, Size = sizeGiB })).Volume;

    public async Task WriteBlocksAsync(VolumeId volume, IEnumerable<int> blocks, int seedBase)
    {
        foreach (var block in blocks)
        {
            await Ec2.WriteAtAsync(volume, (long)block * BlockSize, Block(seedBase + block));
        }
    }

    public async Task<byte[]> ReadAsync(VolumeId volume, long offset, int length)
    {
        var buffer = new byte[length];
        await Ec2.ReadAtAsync(volume, offset, buffer);
        return buffer;
    }

    public async Task<Snapshot> CompleteAsync(Snapshot snapshot)
    {
        Time.Advance(TimeSpan.FromHours(1));
        return await Ec2.DescribeSnapshotAsync(snapshot.SnapshotId);
    }

    public ValueTask DisposeAsync() => Cloud.DisposeAsync();
}
