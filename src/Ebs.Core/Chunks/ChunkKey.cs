using System.Security.Cryptography;
using System.Text;

namespace Ebs.Core.Chunks;

/// <summary>
/// The data key of one KMS key: the AES-256 key that seals the chunks of the volumes and
/// snapshots it protects, and the secret hash seed that gives their chunks ids no one without
/// the key can compute from known plaintext. Equal when they belong to the same KMS key.
/// </summary>
internal sealed class ChunkKey : IEquatable<ChunkKey>
{
    /// <summary>The length of a data key, in bytes (AES-256).</summary>
    public const int Length = 32;

    private readonly byte[] _material;

    /// <summary>Creates the data key of the KMS key <paramref name="keyArn"/> from its plaintext material.</summary>
    public ChunkKey(string keyArn, ReadOnlySpan<byte> material)
    {
        if (material.Length != Length)
        {
            throw new ArgumentException($"A data key is {Length} bytes; got {material.Length}.", nameof(material));
        }

        KeyArn = keyArn;
        _material = material.ToArray();

        // The seed is derived, never stored: a chunk id alone tells nothing about its plaintext.
        Seed = BitConverter.ToInt64(HMACSHA256.HashData(_material, Encoding.UTF8.GetBytes("ebs-chunk-id-seed")));
    }

    /// <summary>Gets the ARN of the KMS key this data key belongs to.</summary>
    public string KeyArn { get; }

    /// <summary>Gets the secret seed mixed into the ids of chunks sealed by this key.</summary>
    public long Seed { get; }

    /// <summary>Creates the cipher of this key; the caller disposes it.</summary>
    public AesGcm CreateCipher() => new(_material, SealedChunk.TagLength);

    /// <inheritdoc />
    public bool Equals(ChunkKey? other) => other is not null && KeyArn == other.KeyArn;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChunkKey);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(KeyArn);
}
