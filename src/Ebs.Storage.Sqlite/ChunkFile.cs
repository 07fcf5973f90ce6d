using System.Buffers.Binary;
using System.IO.Hashing;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// One chunk file: how it is written and read, and its layout: the chunk's bytes, then a 16-byte trailer (<c>EBS2</c>, the
/// data length, an XxHash3 checksum of the data). Files of the first format (a 16-byte <c>EBSC</c> header before the data) are still read.
/// </summary>
internal static class ChunkFile
{
    /// <summary>The trailer's size in bytes.</summary>
    public const int TrailerSize = 16;

    private const uint Magic = 0x32534245; // "EBS2"
    private const uint HeaderMagic = 0x43534245; // "EBSC", the header of the first format
    private const int HeaderSize = 16;

    /// <summary>
    /// Creates <paramref name="path"/> holding <paramref name="data"/> and its trailer, and
    /// starts its write-back at once. A failed write leaves no file behind.
    /// </summary>
    public static async ValueTask CreateAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var trailer = new byte[TrailerSize];
        WriteTrailer(trailer, data.Span);
        try
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, data.Length + trailer.Length);
            await RandomAccess.WriteAsync(file, [data, trailer], 0, cancellationToken).ConfigureAwait(false);
            FileSync.StartWriteBack(file);
        }
        catch
        {
            File.Delete(path); // a full disk, say
            throw;
        }
    }

    /// <summary>Reads a whole file, sharing it for writing and deleting so that a reader never blocks a flush or a delete (Windows).</summary>
    public static async ValueTask<byte[]> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[RandomAccess.GetLength(file)];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = await RandomAccess.ReadAsync(file, bytes.AsMemory(read), read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return bytes[..read];
            }

            read += n;
        }

        return bytes;
    }

    /// <summary>Writes the trailer that describes <paramref name="data"/>.</summary>
    private static void WriteTrailer(Span<byte> trailer, ReadOnlySpan<byte> data)
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
        var problem = file.Length >= TrailerSize && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(file.Length - TrailerSize)) == Magic
            ? Check(file, 0, TrailerSize, file.AsSpan(file.Length - TrailerSize), expectedLength)
            : "its trailer is damaged";
        if (problem is not null && file.Length >= HeaderSize && BinaryPrimitives.ReadUInt32LittleEndian(file) == HeaderMagic)
        {
            // A first-format file (whose data may end in what looks like a trailer).
            problem = Check(file, HeaderSize, HeaderSize, file.AsSpan(0, HeaderSize), expectedLength);
            if (problem is null)
            {
                data = file.AsSpan(HeaderSize, expectedLength);
            }

            return problem;
        }

        if (problem is null)
        {
            data = file.AsSpan(0, expectedLength);
        }

        return problem;
    }

    /// <summary>Checks the data at <paramref name="offset"/> against a header or trailer (magic, length, checksum).</summary>
    private static string? Check(byte[] file, int offset, int metadataSize, ReadOnlySpan<byte> metadata, int expectedLength)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(metadata[4..]);
        var held = file.Length - metadataSize;
        if (length != held || length != expectedLength)
        {
            return $"it holds {held} bytes, expected {expectedLength}";
        }

        return XxHash3.HashToUInt64(file.AsSpan(offset, length)) == BinaryPrimitives.ReadUInt64LittleEndian(metadata[8..])
            ? null
            : "its checksum does not match its bytes";
    }
}
