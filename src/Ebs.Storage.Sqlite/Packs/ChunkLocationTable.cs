using System.Buffers.Binary;
using Ebs.Core.Chunks;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ebs.Storage.Sqlite.Packs;

/// <summary>
/// The <c>chunk_locations</c> table of <c>state.db</c>: where each stored chunk's record lies
/// (pack, offset, length) and the chunk's own length. Written in the transactions of the state
/// store's connection, so that a chunk's location lands in the same commit as the state that
/// first references it. The caller serializes every use (the state store's lock).
/// </summary>
internal sealed class ChunkLocationTable : IDisposable
{
    /// <summary>Creates the table where it does not exist yet (a store written before packs).</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS chunk_locations (id BLOB PRIMARY KEY, pack INTEGER NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL, size INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS chunk_locations_by_pack ON chunk_locations (pack);
        """;

    private readonly SqliteConnection _connection;
    private readonly PreparedStatement _upsert;
    private readonly PreparedStatement _delete;
    private readonly PreparedStatement _move;
    private readonly PreparedStatement _find;

    public ChunkLocationTable(SqliteConnection connection)
    {
        _connection = connection;
        _upsert = new(connection, "INSERT INTO chunk_locations (id, pack, offset, length, size) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET pack = excluded.pack, offset = excluded.offset, length = excluded.length, size = excluded.size");
        _delete = new(connection, "DELETE FROM chunk_locations WHERE id = ?1");
        _move = new(connection, "UPDATE chunk_locations SET pack = ?2, offset = ?3 WHERE id = ?1 AND pack = ?4 AND offset = ?5");
        _find = new(connection, "SELECT pack, offset, length, size FROM chunk_locations WHERE id = ?1");
    }

    /// <summary>Records (or replaces) a chunk's location.</summary>
    public void Upsert(ChunkId id, PackLocation location)
    {
        Span<byte> key = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(key, id.Value);
        _upsert.Blob(1, key).Int(2, location.Pack).Int(3, location.Offset).Int(4, location.Length).Int(5, location.ChunkLength).Run();
    }

    /// <summary>Forgets a chunk's location: its record becomes dead space in its pack.</summary>
    public void Delete(ChunkId id)
    {
        Span<byte> key = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(key, id.Value);
        _delete.Blob(1, key).Run();
    }

    /// <summary>Moves a chunk's location from <paramref name="from"/> to <paramref name="to"/>, unless it no longer lies at <paramref name="from"/>.</summary>
    public void Move(ChunkId id, PackLocation from, PackLocation to)
    {
        Span<byte> key = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(key, id.Value);
        _move.Blob(1, key).Int(2, to.Pack).Int(3, to.Offset).Int(4, from.Pack).Int(5, from.Offset).Run();
    }

    /// <summary>Finds a chunk's location.</summary>
    public bool TryFind(ChunkId id, out PackLocation location)
    {
        Span<byte> key = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(key, id.Value);
        Span<long> row = stackalloc long[4];
        location = _find.Blob(1, key).TryReadRow(row) ? new PackLocation(row[0], row[1], checked((int)row[2]), checked((int)row[3])) : default;
        return location.Length > 0;
    }

    /// <summary>Where the last record a location names in pack <paramref name="pack"/> ends; <see langword="null"/> when none does.</summary>
    public long? EndOf(long pack)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT max(offset + length) FROM chunk_locations WHERE pack = $pack";
        command.Parameters.AddWithValue("$pack", pack);
        return command.ExecuteScalar() is long end ? end : null;
    }

    /// <summary>Every located chunk with its location.</summary>
    public List<(ChunkId Id, PackLocation Location)> All(long? pack = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = pack is null
            ? "SELECT id, pack, offset, length, size FROM chunk_locations"
            : "SELECT id, pack, offset, length, size FROM chunk_locations WHERE pack = $pack ORDER BY offset";
        if (pack is { } number)
        {
            command.Parameters.AddWithValue("$pack", number);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<(ChunkId, PackLocation)>();
        while (reader.Read())
        {
            rows.Add((IdOf(reader), Read(reader, 1)));
        }

        return rows;
    }

    /// <summary>Per pack: the record bytes its live chunks take, their chunks' own bytes, and how many there are.</summary>
    public Dictionary<long, PackUsage> Usage()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT pack, sum(length), sum(size), count(*), max(offset + length) FROM chunk_locations GROUP BY pack";
        using var reader = command.ExecuteReader();
        var usage = new Dictionary<long, PackUsage>();
        while (reader.Read())
        {
            usage[reader.GetInt64(0)] = new PackUsage(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4));
        }

        return usage;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _upsert.Dispose();
        _delete.Dispose();
        _move.Dispose();
        _find.Dispose();
    }

    /// <summary>Reads a chunk id from the first column, naming the row when it is not one.</summary>
    internal static ChunkId IdOf(SqliteDataReader row)
        => row.GetValue(0) is byte[] { Length: 16 } key
            ? new ChunkId(BinaryPrimitives.ReadUInt128LittleEndian(key))
            : throw new InvalidCastException("a chunk location's id is not a 16-byte chunk id");

    private static PackLocation Read(SqliteDataReader row, int first)
        => new(row.GetInt64(first), row.GetInt64(first + 1), row.GetInt32(first + 2), row.GetInt32(first + 3));
}

/// <summary>Where a chunk's record lies: its pack, its offset, the record's length (header and stored bytes), and the chunk's own length.</summary>
internal readonly record struct PackLocation(long Pack, long Offset, int Length, int ChunkLength)
{
    /// <summary>The offset just past the record.</summary>
    public long End => Offset + Length;
}

/// <summary>What a pack's live chunks take: record bytes, the chunks' own bytes, how many, and where the last ends.</summary>
internal readonly record struct PackUsage(long RecordBytes, long ChunkBytes, int Chunks, long End);
