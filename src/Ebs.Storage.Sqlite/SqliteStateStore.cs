using System.Buffers.Binary;
using System.Globalization;
using Ebs.Core.BlockMaps;
using Ebs.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// An <see cref="IStateStore"/> on SQLite in WAL mode with full synchronous commits: one
/// transaction per service call, holding its documents and block-map nodes. The file
/// records its format version (newer formats are refused, older ones migrated) and the block
/// size it was created with.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    /// <summary>The format version this library writes.</summary>
    public const int FormatVersion = 3;

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

        // 2 -> 3: reference counts are no longer stored; a cloud recounts them from its live
        // roots when it opens, so that a commit writes only what its call changed.
        """
        DROP TABLE chunks;
        ALTER TABLE nodes DROP COLUMN count;
        """,
    ];

    private readonly SqliteConnection _connection;
    private readonly IDisposable? _lease;
    private readonly Lock _gate = new();

    // Statements are prepared once per connection: preparing them anew made every commit pay
    // a fixed cost that dwarfed small changes.
    private readonly PreparedStatement _upsertDocument;
    private readonly PreparedStatement _deleteDocument;
    private readonly PreparedStatement _insertNode;
    private readonly PreparedStatement _deleteNode;

    private SqliteStateStore(SqliteConnection connection, IDisposable? lease)
    {
        _connection = connection;
        _lease = lease;
        _upsertDocument = new(connection, "INSERT INTO documents (kind, key, body) VALUES (?1, ?2, ?3) ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body");
        _deleteDocument = new(connection, "DELETE FROM documents WHERE kind = ?1 AND key = ?2");
        _insertNode = new(connection, "INSERT OR IGNORE INTO nodes (id, body) VALUES (?1, ?2)");
        _deleteNode = new(connection, "DELETE FROM nodes WHERE id = ?1");
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
                Nodes = Query("SELECT id, body FROM nodes", r => new StoredNode(new NodeId(ReadId(r, 0)), (byte[])r[1])),
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
            foreach (var document in changes.Upserts)
            {
                _upsertDocument.Text(1, document.Kind).Text(2, document.Key).Blob(3, document.Body).Run();
            }

            foreach (var (kind, key) in changes.Deletes)
            {
                _deleteDocument.Text(1, kind).Text(2, key).Run();
            }

            Span<byte> id = stackalloc byte[16];
            foreach (var (node, body) in changes.NewNodes)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(id, node.Value);
                _insertNode.Blob(1, id).Blob(2, body).Run();
            }

            foreach (var node in changes.DeletedNodes)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(id, node.Value);
                _deleteNode.Blob(1, id).Run();
            }

            transaction.Commit();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var statement in (ReadOnlySpan<PreparedStatement>)[_upsertDocument, _deleteDocument, _insertNode, _deleteNode])
        {
            statement.Dispose();
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
}
