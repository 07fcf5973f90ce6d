using System.Buffers;
using K4os.Compression.LZ4;

namespace Ebs.Storage.Sqlite.Packs;

/// <summary>
/// Per-chunk compression: LZ4 (fast level) for plain chunks that shrink, the bytes as they are
/// otherwise. A sealed chunk (an encrypted volume's or snapshot's, AES-GCM) is never tried: its
/// bytes are indistinguishable from random, so compressing them would only cost time, and
/// compressing before sealing would make the stored length tell something about the plaintext.
/// </summary>
internal static class ChunkCodec
{
    /// <summary>Encodes a chunk as a pack record.</summary>
    /// <param name="id">The chunk id.</param>
    /// <param name="chunk">The chunk's bytes.</param>
    /// <param name="blockSize">The store's block size: only chunks of exactly one block are plain (compressible) ones.</param>
    public static byte[] Encode(Ebs.Core.Chunks.ChunkId id, ReadOnlySpan<byte> chunk, int blockSize)
    {
        if (chunk.Length == blockSize)
        {
            var compressed = ArrayPool<byte>.Shared.Rent(chunk.Length - 1);
            try
            {
                var length = LZ4Codec.Encode(chunk, compressed.AsSpan(0, chunk.Length - 1), LZ4Level.L00_FAST);
                if (length > 0 && length < chunk.Length)
                {
                    return PackFile.Record(id, compressed.AsSpan(0, length), PackFile.Compressed, chunk.Length);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }

        return PackFile.Record(id, chunk, 0, chunk.Length);
    }

    /// <summary>Decodes a checked record's stored bytes into <paramref name="destination"/>.</summary>
    /// <returns><see langword="null"/> when the chunk fills <paramref name="destination"/> exactly; otherwise what is wrong.</returns>
    public static string? Decode(ReadOnlySpan<byte> record, PackFile.RecordInfo info, Span<byte> destination)
    {
        if (info.ChunkLength != destination.Length)
        {
            return $"it holds {info.ChunkLength} bytes, expected {destination.Length}";
        }

        var stored = record[PackFile.RecordHeaderSize..];
        if ((info.Flags & PackFile.Compressed) == 0)
        {
            if (stored.Length != destination.Length)
            {
                return $"it holds {stored.Length} bytes, expected {destination.Length}";
            }

            stored.CopyTo(destination);
            return null;
        }

        return LZ4Codec.Decode(stored, destination) == destination.Length ? null : "its compressed bytes do not decode";
    }
}
