using System.Buffers.Binary;
using System.Globalization;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// An <see cref="IStateStore"/> on SQLite in WAL mode with full synchronous commits: one
/// transaction per service call, holding its documents, nodes and reference counts. The file
/// records its format version (newer formats are refused, older ones migrated) and the block
/// size it was created with.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    /// <summary>The format version this library writes.</summary>
    public const int FormatVersion = 2;

    private static readonly string[] Migrations =
    [
        // 0 -> 1
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE documents (kind TEXT NOT NULL, key TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
        CREATE TABLE nodes (id BLOB PRIMARY KEY, body BLOB NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE chunks (id BLOB PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
        """,

        // 1 -> 2: chunk files gained a new layout (data, then a trailer). The state is
        // unchanged and files of the first layout stay readable; the version keeps older
        // libraries, which cannot read the new files, from opening the directory.
        "-- nothing to convert",
    ];

    private readonly SqliteConnection _connection;
    private readonly IDisposable? _lease;
    private readonly Lock _gate = new();

    // Statements are prepared once per connection: preparing them anew made every commit pay
    // a fixed cost that dwarfed small changes.
    private readonly Dictionary<string, (SqliteCommand Command, SqliteParameter[] Parameters)> _prepared = new(StringComparer.Ordinal);

    private SqliteStateStore(SqliteConnection connection, IDisposable? lease)
    {
        _connection = connection;
        _lease = lease;
    }

    /// <summary>Opens (or creates) a state file, migrating an older format.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="blockSize">The block size of the cloud; must match the one the file was created with.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The file has a newer format, or another block size.</exception>
    public static SqliteStateStore Open(string path, int blockSize) => Open(path, blockSize, null);

    /// <summary>Opens a state file, holding <paramref name="lease"/> (the directory lock) until disposed.</summary>
    internal static SqliteStateStore Open(string path, int blockSize, IDisposable? lease)
    {
        ArgumentNullException.ThrowIfNull(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Migrate(connection, blockSize);
            return new SqliteStateStore(connection, lease);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(new StoredState
            {
                Documents = Query("SELECT kind, key, body FROM documents", r => new StateDocument(r.GetString(0), r.GetString(1), (byte[])r[2])),
                Nodes = Query("SELECT id, body, count FROM nodes", r => new StoredNode(new NodeId(ReadId(r, 0)), (byte[])r[1], r.GetInt64(2))),
                ChunkCounts = Query("SELECT id, count FROM chunks", r => (new ChunkId(ReadId(r, 0)), r.GetInt64(1))),
            });
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Run(transaction, "INSERT INTO documents (kind, key, body) VALUES ($a, $b, $c) ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body",
                changes.Upserts.Select(d => (object[])[d.Kind, d.Key, d.Body]));
            Run(transaction, "DELETE FROM documents WHERE kind = $a AND key = $b", changes.Deletes.Select(d => (object[])[d.Kind, d.Key]));
            Run(transaction, "INSERT OR IGNORE INTO nodes (id, body, count) VALUES ($a, $b, 0)", changes.NewNodes.Select(n => (object[])[Bytes(n.Id.Value), n.Body]));
            Run(transaction, "UPDATE nodes SET count = $b WHERE id = $a", changes.NodeCounts.Where(n => n.Count > 0).Select(n => (object[])[Bytes(n.Id.Value), n.Count]));
            Run(transaction, "DELETE FROM nodes WHERE id = $a", changes.NodeCounts.Where(n => n.Count == 0).Select(n => (object[])[Bytes(n.Id.Value)]));
            Run(transaction, "INSERT INTO chunks (id, count) VALUES ($a, $b) ON CONFLICT (id) DO UPDATE SET count = excluded.count",
                changes.ChunkCounts.Where(c => c.Count > 0).Select(c => (object[])[Bytes(c.Id.Value), c.Count]));
            Run(transaction, "DELETE FROM chunks WHERE id = $a", changes.ChunkCounts.Where(c => c.Count == 0).Select(c => (object[])[Bytes(c.Id.Value)]));
            transaction.Commit();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _prepared.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
        _lease?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Migrate(SqliteConnection connection, int blockSize)
    {
        var hasMeta = Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") is long n && n > 0;
        var version = hasMeta ? int.Parse((string)Scalar(connection, "SELECT value FROM meta WHERE key = 'format_version'")!, CultureInfo.InvariantCulture) : 0;
        if (version > FormatVersion)
        {
            throw new InvalidDataException($"The state file has format version {version}, newer than the {FormatVersion} this library reads; upgrade Ebs.Storage.Sqlite.");
        }

        for (; version < FormatVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Migrations[version]);
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO meta (key, value) VALUES ('format_version', '{version + 1}') ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
            transaction.Commit();
        }

        var stored = Scalar(connection, "SELECT value FROM meta WHERE key = 'block_size'") as string;
        if (stored is null)
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO meta (key, value) VALUES ('block_size', '{blockSize}')"));
        }
        else if (int.Parse(stored, CultureInfo.InvariantCulture) != blockSize)
        {
            throw new InvalidDataException($"The store was created with {stored}-byte blocks; it cannot be opened with {blockSize}-byte blocks.");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static byte[] Bytes(UInt128 value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        return bytes;
    }

    private static UInt128 ReadId(SqliteDataReader reader, int ordinal) => BinaryPrimitives.ReadUInt128LittleEndian((byte[])reader[ordinal]);

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private void Run(SqliteTransaction transaction, string sql, IEnumerable<object[]> rows)
    {
        foreach (var row in rows)
        {
            if (!_prepared.TryGetValue(sql, out var statement))
            {
                var command = _connection.CreateCommand();
                command.CommandText = sql;
                statement = (command, [.. row.Select((_, i) => command.Parameters.Add(new SqliteParameter("$" + (char)('a' + i), null)))]);
                _prepared.Add(sql, statement);
            }

            statement.Command.Transaction = transaction;
            for (var i = 0; i < row.Length; i++)
            {
                statement.Parameters[i].Value = row[i];
            }

            statement.Command.ExecuteNonQuery();
        }
    }
}
