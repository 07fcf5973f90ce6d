using System.Buffers.Binary;
using System.IO.Hashing;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// The layout of one chunk file: the chunk's bytes, then a 16-byte trailer (<c>EBS2</c>, the
/// data length, an XxHash3 checksum of the data). Data first keeps it aligned for direct
/// writes. Files of the first format (a 16-byte <c>EBSC</c> header before the data) are still read.
/// </summary>
internal static class ChunkFile
{
    /// <summary>The trailer's size in bytes.</summary>
    public const int TrailerSize = 16;

    private const uint Magic = 0x32534245; // "EBS2"
    private const uint HeaderMagic = 0x43534245; // "EBSC", the header of the first format
    private const int HeaderSize = 16;

    /// <summary>Writes the trailer that describes <paramref name="data"/>.</summary>
    public static void WriteTrailer(Span<byte> trailer, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(trailer[4..], data.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(trailer[8..], XxHash3.HashToUInt64(data));
    }

    /// <summary>Finds a chunk's bytes in the contents of its file, checking length and checksum.</summary>
    /// <param name="file">The whole file.</param>
    /// <param name="expectedLength">The chunk size the caller expects.</param>
    /// <param name="data">The chunk's bytes, when intact.</param>
    /// <returns><see langword="null"/> when intact; otherwise what is wrong.</returns>
    public static string? TryGetData(byte[] file, int expectedLength, out ReadOnlySpan<byte> data)
    {
        data = default;
        int length;
        ulong checksum;
        int offset;
        if (file.Length >= TrailerSize && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(file.Length - TrailerSize)) == Magic)
        {
            length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - TrailerSize + 4));
            checksum = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(file.Length - TrailerSize + 8));
            offset = 0;
        }
        else if (file.Length >= HeaderSize && BinaryPrimitives.ReadUInt32LittleEndian(file) == HeaderMagic)
        {
            length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4));
            checksum = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(8));
            offset = HeaderSize;
        }
        else
        {
            return "its trailer is damaged";
        }

        var held = file.Length - TrailerSize;
        if (length != held || length != expectedLength)
        {
            return $"it holds {held} bytes, expected {expectedLength}";
        }

        var bytes = file.AsSpan(offset, length);
        if (XxHash3.HashToUInt64(bytes) != checksum)
        {
            return "its checksum does not match its bytes";
        }

        data = bytes;
        return null;
    }
}
