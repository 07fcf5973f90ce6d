using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Testing;

/// <summary>
/// A small in-memory cloud in one line: 4-KiB blocks, a fixed id seed, a <see cref="FakeTimeProvider"/>
/// at 2026-01-01T00:00:00Z, and helpers to fill and read blocks. <c>await using var t = new TestCloud();</c>
/// </summary>
public sealed class TestCloud : IAsyncDisposable
{
    /// <summary>The account <see cref="Ec2"/> acts as.</summary>
    public const string Account = "111111111111";

    /// <summary>The Region <see cref="Ec2"/> acts in.</summary>
    public const string Region = "us-east-1";

    /// <summary>The block size in bytes: small, so that tests stay fast.</summary>
    public const int BlockSize = 4096;

    /// <summary>Creates the cloud.</summary>
    /// <param name="configure">Changes the options after the block size and id seed are set.</param>
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

    /// <summary>Gets the clock the cloud runs on.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Gets the cloud.</summary>
    public EbsCloud Cloud { get; }

    /// <summary>Gets EC2 for <see cref="Account"/> in <see cref="Region"/>.</summary>
    public Ec2Client Ec2 { get; }

    /// <summary>Gets the number of chunks the in-memory chunk store holds.</summary>
    public int StoredChunks => ((Ebs.Core.Storage.InMemoryChunkStore)Cloud.ChunkStore).Count;

    /// <summary>One block of random bytes from a seed.</summary>
    /// <param name="seed">The seed: equal seeds give equal blocks.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Block(int seed)
    {
        var bytes = new byte[BlockSize];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A disk image of <paramref name="length"/> random bytes whose every third block is zeros (a hole).</summary>
    /// <param name="length">The length in bytes.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The bytes.</returns>
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

    /// <summary>Creates an empty volume.</summary>
    /// <param name="sizeGiB">The size in GiB.</param>
    /// <param name="zone">The Availability Zone.</param>
    /// <returns>The volume.</returns>
    public async ValueTask<Volume> CreateVolumeAsync(int sizeGiB = 1, string zone = "us-east-1a")
        => (await Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = zone, Size = sizeGiB })).Volume;

    /// <summary>Writes <see cref="Block"/>(<paramref name="seedBase"/> + index) to each block.</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="blocks">The block indexes.</param>
    /// <param name="seedBase">Added to each index to make its seed.</param>
    /// <returns>A task.</returns>
    public async Task WriteBlocksAsync(VolumeId volume, IEnumerable<int> blocks, int seedBase)
    {
        foreach (var block in blocks)
        {
            await Ec2.WriteAtAsync(volume, (long)block * BlockSize, Block(seedBase + block));
        }
    }

    /// <summary>Reads bytes of a volume.</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="offset">The byte offset.</param>
    /// <param name="length">The length.</param>
    /// <returns>The bytes.</returns>
    public async Task<byte[]> ReadAsync(VolumeId volume, long offset, int length)
    {
        var buffer = new byte[length];
        await Ec2.ReadAtAsync(volume, offset, buffer);
        return buffer;
    }

    /// <summary>Advances the clock an hour, by when the snapshot has completed, and describes it again.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>It as described now.</returns>
    public async Task<Snapshot> CompleteAsync(Snapshot snapshot)
    {
        Time.Advance(TimeSpan.FromHours(1));
        return await Ec2.DescribeSnapshotAsync(snapshot.SnapshotId);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Cloud.DisposeAsync();
}
