using System.Buffers.Binary;
using System.IO.Hashing;
using Ebs.Core.Chunks;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite.Packs;

/// <summary>
/// The layout of a pack file: a 16-byte header (<c>EBSPACK1</c>, the pack's number), then
/// records appended one after another, and, once the pack is sealed, its index. A record is a
/// 40-byte header (<c>EBSR</c>, flags, the chunk id, the stored and the chunk's length, an
/// XxHash3 checksum of the header's first 32 bytes and the stored bytes) followed by the stored
/// bytes (compressed when the flags say so). Every record checks itself, so a pack can be
/// scanned and verified without the state; the index (the id and offset of every record, then
/// a 24-byte footer: <c>EBSI</c>, the count, the index's offset and a checksum of both) lets a
/// sealed pack be listed without reading it whole, and tells a complete pack from a torn one.
/// </summary>
internal static class PackFile
{
    /// <summary>The header's size in bytes.</summary>
    public const int HeaderSize = 16;

    /// <summary>A record header's size in bytes.</summary>
    public const int RecordHeaderSize = 40;

    /// <summary>The file name extension of packs.</summary>
    public const string Extension = ".pack";

    /// <summary>The flag of a record whose bytes are LZ4-compressed.</summary>
    public const int Compressed = 1;

    private const int IndexEntrySize = 24;
    private const int FooterSize = 24;
    private const ulong Magic = 0x314B434150534245; // "EBSPACK1"
    private const uint RecordMagic = 0x52534245; // "EBSR"
    private const uint IndexMagic = 0x49534245; // "EBSI"

    /// <summary>The file name of pack <paramref name="number"/>.</summary>
    public static string NameOf(long number) => $"{number:D8}{Extension}";

    /// <summary>Reads a pack's number from its file name.</summary>
    public static bool TryParseName(string path, out long number)
    {
        var name = Path.GetFileName(path);
        number = 0;
        return name.Length == 8 + Extension.Length && name.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(0, 8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The header of pack <paramref name="number"/>.</summary>
    public static byte[] Header(long number)
    {
        var header = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), number);
        return header;
    }

    /// <summary>Builds a record: header and stored bytes in one buffer.</summary>
    public static byte[] Record(ChunkId id, ReadOnlySpan<byte> stored, int flags, int chunkLength)
    {
        var record = new byte[RecordHeaderSize + stored.Length];
        var header = record.AsSpan(0, RecordHeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header, RecordMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], flags);
        BinaryPrimitives.WriteUInt128LittleEndian(header[8..], id.Value);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], stored.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], chunkLength);
        stored.CopyTo(record.AsSpan(RecordHeaderSize));
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], Checksum(record));
        return record;
    }

    /// <summary>Checks a whole record (as read from its location) and describes it.</summary>
    /// <returns><see langword="null"/> when intact; otherwise what is wrong.</returns>
    public static string? Check(ReadOnlySpan<byte> record, out RecordInfo info)
    {
        info = default;
        if (record.Length < RecordHeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(record) != RecordMagic)
        {
            return "its record header is damaged";
        }

        info = new RecordInfo(
            new ChunkId(BinaryPrimitives.ReadUInt128LittleEndian(record[8..])),
            BinaryPrimitives.ReadInt32LittleEndian(record[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[24..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[28..]));
        if (info.StoredLength < 0 || RecordHeaderSize + (long)info.StoredLength != record.Length)
        {
            return $"its record holds {record.Length - RecordHeaderSize} bytes, its header says {info.StoredLength}";
        }

        return Checksum(record) == BinaryPrimitives.ReadUInt64LittleEndian(record[32..]) ? null : "its checksum does not match its bytes";
    }

    /// <summary>The stored length a record header announces, or -1 when it is not a record header.</summary>
    public static int StoredLengthOf(ReadOnlySpan<byte> header)
        => header.Length >= RecordHeaderSize && BinaryPrimitives.ReadUInt32LittleEndian(header) == RecordMagic
            ? BinaryPrimitives.ReadInt32LittleEndian(header[24..])
            : -1;

    private static ulong Checksum(ReadOnlySpan<byte> record)
    {
        var hash = new XxHash3();
        hash.Append(record[..32]);
        hash.Append(record[RecordHeaderSize..]);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Builds a sealed pack's index for its records, which end at <paramref name="end"/>.</summary>
    public static byte[] Index(IReadOnlyList<ScannedRecord> records, long end)
    {
        var index = new byte[(records.Count * IndexEntrySize) + FooterSize];
        for (var i = 0; i < records.Count; i++)
        {
            var entry = index.AsSpan(i * IndexEntrySize);
            BinaryPrimitives.WriteUInt128LittleEndian(entry, records[i].Id.Value);
            BinaryPrimitives.WriteInt64LittleEndian(entry[16..], records[i].Offset);
        }

        var footer = index.AsSpan(index.Length - FooterSize);
        BinaryPrimitives.WriteUInt32LittleEndian(footer, IndexMagic);
        BinaryPrimitives.WriteInt32LittleEndian(footer[4..], records.Count);
        BinaryPrimitives.WriteInt64LittleEndian(footer[8..], end);
        BinaryPrimitives.WriteUInt64LittleEndian(footer[16..], XxHash3.HashToUInt64(index.AsSpan(0, index.Length - 8)));
        return index;
    }

    /// <summary>
    /// Reads the index of a sealed pack: where its records end and the offset of each.
    /// </summary>
    /// <returns>
    /// <see langword="null"/> when the pack has no index (it is still being filled, or torn);
    /// throws <see cref="InvalidDataException"/> when it ends in an index footer that fails its check.
    /// </returns>
    public static SealedIndex? ReadIndex(SafeFileHandle file)
    {
        var length = RandomAccess.GetLength(file);
        if (length < HeaderSize + FooterSize)
        {
            return null;
        }

        Span<byte> footer = stackalloc byte[FooterSize];
        if (RandomAccess.Read(file, footer, length - FooterSize) != FooterSize || BinaryPrimitives.ReadUInt32LittleEndian(footer) != IndexMagic)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(footer[4..]);
        var end = BinaryPrimitives.ReadInt64LittleEndian(footer[8..]);
        if (count < 0 || end < HeaderSize || end + ((long)count * IndexEntrySize) + FooterSize != length)
        {
            throw new InvalidDataException("its index footer does not match the file's length");
        }

        var index = new byte[(count * IndexEntrySize) + FooterSize];
        if (RandomAccess.Read(file, index, end) != index.Length
            || XxHash3.HashToUInt64(index.AsSpan(0, index.Length - 8)) != BinaryPrimitives.ReadUInt64LittleEndian(index.AsSpan(index.Length - 8)))
        {
            throw new InvalidDataException("its index fails its checksum");
        }

        var offsets = new (ChunkId Id, long Offset)[count];
        for (var i = 0; i < count; i++)
        {
            var entry = index.AsSpan(i * IndexEntrySize);
            offsets[i] = (new ChunkId(BinaryPrimitives.ReadUInt128LittleEndian(entry)), BinaryPrimitives.ReadInt64LittleEndian(entry[16..]));
        }

        return new SealedIndex(end, offsets);
    }

    /// <summary>
    /// Reads the records of a pack from its header on, each checked, up to <paramref name="end"/>
    /// or the first record that is incomplete or fails its check (a torn tail).
    /// </summary>
    public static ScanResult Scan(SafeFileHandle file, long end)
    {
        var records = new List<ScannedRecord>();
        Span<byte> header = stackalloc byte[HeaderSize];
        if (RandomAccess.Read(file, header, 0) != HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic)
        {
            return new ScanResult(records, 0, "its header is damaged");
        }

        var offset = (long)HeaderSize;
        var recordHeader = new byte[RecordHeaderSize];
        while (offset < end)
        {
            var stored = RandomAccess.Read(file, recordHeader, offset) == RecordHeaderSize ? StoredLengthOf(recordHeader) : -1;
            if (stored < 0 || offset + RecordHeaderSize + stored > end)
            {
                return new ScanResult(records, offset, $"the record at offset {offset} is incomplete");
            }

            var record = new byte[RecordHeaderSize + stored];
            if (RandomAccess.Read(file, record, offset) != record.Length || Check(record, out var info) is { } problem)
            {
                return new ScanResult(records, offset, $"the record at offset {offset} is damaged");
            }

            records.Add(new ScannedRecord(info.Id, offset, record.Length, info.ChunkLength));
            offset += record.Length;
        }

        return new ScanResult(records, offset, null);
    }

    /// <summary>What a record header says.</summary>
    public readonly record struct RecordInfo(ChunkId Id, int Flags, int StoredLength, int ChunkLength);

    /// <summary>A record found by <see cref="Scan"/>.</summary>
    public readonly record struct ScannedRecord(ChunkId Id, long Offset, int Length, int ChunkLength);

    /// <summary>The records of a pack up to <see cref="End"/>, and why reading stopped there when it stopped early.</summary>
    public sealed record ScanResult(List<ScannedRecord> Records, long End, string? Problem);

    /// <summary>A sealed pack's index: where the records end, and each record's id and offset.</summary>
    public sealed record SealedIndex(long End, (ChunkId Id, long Offset)[] Records);
}
