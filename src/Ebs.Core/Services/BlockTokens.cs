using System.Buffers.Binary;
using System.IO.Hashing;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The block tokens of the EBS direct APIs: 24 bytes, Base64-encoded, holding the expiry instant
/// and a 128-bit tag over (snapshot, block index, the block's chunk id, expiry). A token is
/// therefore valid only for the snapshot and block it was issued for, while that block holds
/// the same content, and until it expires; one cannot be made without knowing the chunk id,
/// which no public call reveals. (The tag is XxHash128, not a cryptographic MAC: it keeps
/// honest callers honest, as tokens do in AWS, not a hostile process sharing the library.)
/// </summary>
internal static class BlockTokens
{
    private const int Length = sizeof(long) + 16;

    public static string Issue(SnapshotId snapshot, long index, ChunkId chunk, DateTimeOffset expiry)
    {
        Span<byte> token = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64LittleEndian(token, expiry.UtcTicks);
        BinaryPrimitives.WriteUInt128LittleEndian(token[sizeof(long)..], Tag(snapshot, index, chunk, expiry.UtcTicks));
        return Convert.ToBase64String(token);
    }

    /// <summary>Whether <paramref name="token"/> was issued for this block of this snapshot holding <paramref name="chunk"/> and has not expired at <paramref name="now"/>.</summary>
    public static bool IsValid(string token, SnapshotId snapshot, long index, ChunkId chunk, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[Length];
        if (token.Length > 64 || !Convert.TryFromBase64String(token, bytes, out var written) || written != Length)
        {
            return false;
        }

        var expiry = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        return now.UtcTicks < expiry && BinaryPrimitives.ReadUInt128LittleEndian(bytes[sizeof(long)..]) == Tag(snapshot, index, chunk, expiry);
    }

    private static UInt128 Tag(SnapshotId snapshot, long index, ChunkId chunk, long expiry)
    {
        var id = snapshot.Value;
        Span<byte> input = stackalloc byte[(sizeof(long) * 2) + 16 + (id.Length * sizeof(char))];
        BinaryPrimitives.WriteInt64LittleEndian(input, index);
        BinaryPrimitives.WriteInt64LittleEndian(input[sizeof(long)..], expiry);
        BinaryPrimitives.WriteUInt128LittleEndian(input[(sizeof(long) * 2)..], chunk.Value);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(id.AsSpan()).CopyTo(input[((sizeof(long) * 2) + 16)..]);
        return XxHash128.HashToUInt128(input);
    }
}
