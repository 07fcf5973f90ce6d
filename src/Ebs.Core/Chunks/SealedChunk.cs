using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ebs.Core.Chunks;

/// <summary>
/// The stored form of a chunk of an encrypted volume or snapshot: a random nonce, the block
/// encrypted with AES-GCM under its KMS key's data key, and the GCM tag, with the chunk's id as
/// associated data, so a stored copy moved under another id fails to open.
/// </summary>
internal static class SealedChunk
{
    /// <summary>The nonce length, in bytes.</summary>
    public const int NonceLength = 12;

    /// <summary>The tag length, in bytes.</summary>
    public const int TagLength = 16;

    /// <summary>How many bytes a sealed chunk holds more than its block: the nonce and the tag (published as <see cref="ChunkFormat.SealedOverhead"/>).</summary>
    public const int Overhead = ChunkFormat.SealedOverhead;

    /// <summary>Seals <paramref name="block"/> into <paramref name="destination"/>, which is <see cref="Overhead"/> bytes longer.</summary>
    public static void Seal(ChunkKey key, ChunkId id, ReadOnlySpan<byte> block, Span<byte> destination)
    {
        var nonce = destination[..NonceLength];
        RandomNumberGenerator.Fill(nonce);
        using var cipher = key.CreateCipher();
        cipher.Encrypt(nonce, block, destination.Slice(NonceLength, block.Length), destination.Slice(NonceLength + block.Length, TagLength), AssociatedData(id));
    }

    /// <summary>Opens a sealed chunk into <paramref name="block"/>; <see langword="false"/> when its tag does not match (damaged, or not this key's).</summary>
    public static bool TryOpen(ChunkKey key, ChunkId id, ReadOnlySpan<byte> sealedChunk, Span<byte> block)
    {
        if (sealedChunk.Length != block.Length + Overhead)
        {
            return false;
        }

        using var cipher = key.CreateCipher();
        try
        {
            cipher.Decrypt(sealedChunk[..NonceLength], sealedChunk.Slice(NonceLength, block.Length), sealedChunk.Slice(NonceLength + block.Length, TagLength), block, AssociatedData(id));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            block.Clear();
            return false;
        }
    }

    private static byte[] AssociatedData(ChunkId id)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, id.Value);
        return bytes;
    }
}
