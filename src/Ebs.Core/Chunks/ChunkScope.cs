using System.Diagnostics;
using System.IO.Hashing;
using System.Text;

namespace Ebs.Core.Chunks;

/// <summary>
/// The dedup scope of a chunk: one (account, Region), and for an encrypted volume or snapshot
/// its KMS key too. Identical bytes written in two scopes get two different <see cref="ChunkId"/>s,
/// so one tenant's data can never be served for another's write, and dedup never crosses keys.
/// A keyed scope's chunks are stored sealed (<see cref="SealedChunk"/>) and its ids use the key's secret seed.
/// </summary>
internal readonly record struct ChunkScope
{
    private const ulong ProbeStride = 0x9E3779B97F4A7C15;

    /// <summary>Creates the scope of an account in a Region.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <param name="region">The Region name.</param>
    public ChunkScope(string accountId, string region)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(region);
        AccountId = accountId;
        Region = region;
        Seed = (long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(accountId + "/" + region));
    }

    /// <summary>Creates the scope of an account in a Region under a KMS key's data key.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <param name="region">The Region name.</param>
    /// <param name="key">The data key, or <see langword="null"/> for unencrypted data.</param>
    public ChunkScope(string accountId, string region, ChunkKey? key)
        : this(accountId, region)
    {
        Key = key;
        Seed = key is null ? Seed : Seed ^ key.Seed;
    }

    /// <summary>Gets the data key that seals this scope's chunks, or <see langword="null"/> when they are stored as they are.</summary>
    public ChunkKey? Key { get; }

    /// <summary>Gets the account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region name.</summary>
    public string Region { get; }

    /// <summary>Gets the metric tags naming this scope.</summary>
    internal TagList Tags => new() { { EbsTelemetry.AccountTag, AccountId }, { EbsTelemetry.RegionTag, Region } };

    /// <summary>Gets the hash seed of this scope.</summary>
    public long Seed { get; }

    /// <summary>Gets the stored length of a chunk of <paramref name="blockSize"/> bytes in this scope.</summary>
    public int StoredLength(int blockSize) => Key is null ? blockSize : blockSize + SealedChunk.Overhead;

    /// <summary>Computes the id of a block in this scope.</summary>
    /// <param name="data">The block bytes.</param>
    /// <param name="probe">0 for the primary id; n for the n-th alternative after a collision.</param>
    /// <returns>The chunk id.</returns>
    public ChunkId Hash(ReadOnlySpan<byte> data, int probe = 0)
        => new(XxHash128.HashToUInt128(data, unchecked(Seed + (long)((ulong)probe * ProbeStride))));
}
