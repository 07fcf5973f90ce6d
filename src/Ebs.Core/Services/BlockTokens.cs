using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The block tokens of the EBS direct APIs: 16 bytes, Base64-encoded, holding the expiry instant
/// and a 64-bit tag over (snapshot, expiry, block index, the block's chunk id). A token is
/// therefore valid only for the snapshot and block it was issued for, while that block holds
/// the same content, and until it expires; one cannot be made without knowing the chunk id,
/// which no public call reveals. (The tag is XxHash3, not a cryptographic MAC: it keeps honest
/// callers honest, as tokens do in AWS, not a hostile process sharing the library.) A list call
/// issues many tokens for one snapshot and expiry, so those are hashed once, into the seed of
/// each block's tag (<see cref="For"/>).
/// </summary>
internal static class BlockTokens
{
    private const int Length = sizeof(long) * 2;

    /// <summary>Gets the issuer of tokens for blocks of <paramref name="snapshot"/> that expire at <paramref name="expiry"/>.</summary>
    public static Issuer For(SnapshotId snapshot, DateTimeOffset expiry) => new(snapshot, expiry.UtcTicks);

    /// <summary>Whether <paramref name="token"/> was issued for this block of this snapshot holding <paramref name="chunk"/> and has not expired at <paramref name="now"/>.</summary>
    public static bool IsValid(string token, SnapshotId snapshot, long index, ChunkId chunk, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[Length];
        if (token.Length > 64 || !Convert.TryFromBase64String(token, bytes, out var written) || written != Length)
        {
            return false;
        }

        var expiry = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        return now.UtcTicks < expiry && BinaryPrimitives.ReadUInt64LittleEndian(bytes[sizeof(long)..]) == new Issuer(snapshot, expiry).Tag(index, chunk);
    }

    /// <summary>The issuers of a ListChangedBlocks page: the first snapshot's (when there is one) and the second's.</summary>
    internal sealed record Issuers(Issuer? First, Issuer Second);

    /// <summary>Issues the tokens of one snapshot's blocks with one expiry; equal issuers issue equal tokens.</summary>
    internal readonly record struct Issuer
    {
        private readonly long _expiry;
        private readonly long _seed;

        public Issuer(SnapshotId snapshot, long expiry)
        {
            var id = MemoryMarshal.AsBytes(snapshot.Value.AsSpan());
            Span<byte> input = stackalloc byte[sizeof(long) + id.Length];
            BinaryPrimitives.WriteInt64LittleEndian(input, expiry);
            id.CopyTo(input[sizeof(long)..]);
            _expiry = expiry;
            _seed = unchecked((long)XxHash3.HashToUInt64(input));
        }

        /// <summary>Issues the token of block <paramref name="index"/> holding <paramref name="chunk"/>.</summary>
        public string Issue(long index, ChunkId chunk)
        {
            Span<byte> token = stackalloc byte[Length];
            BinaryPrimitives.WriteInt64LittleEndian(token, _expiry);
            BinaryPrimitives.WriteUInt64LittleEndian(token[sizeof(long)..], Tag(index, chunk));
            return Convert.ToBase64String(token);
        }

        internal ulong Tag(long index, ChunkId chunk)
        {
            Span<byte> input = stackalloc byte[sizeof(long) + 16];
            BinaryPrimitives.WriteInt64LittleEndian(input, index);
            BinaryPrimitives.WriteUInt128LittleEndian(input[sizeof(long)..], chunk.Value);
            return XxHash3.HashToUInt64(input, _seed);
        }
    }
}
