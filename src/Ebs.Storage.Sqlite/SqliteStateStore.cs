using System.Buffers.Binary;
using System.Globalization;
using Ebs.Core;
using Ebs.Core.BlockMaps;
using Ebs.Core.Storage;
using Ebs.Storage.Sqlite.Packs;
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
    public const int FormatVersion = 6;

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

        // 3 -> 4: new kinds of records (scheduled events, Recycle Bin rules, Fast Snapshot
        // Restore, the usage ledger). Nothing to convert; the version keeps older libraries,
        // which would take the new kinds for damage, from opening the store.
        "-- nothing to convert",

        // 4 -> 5: new kinds of records (lifecycle policies, block public access, KMS keys and
        // their master secret, encryption defaults, AWS Backup vaults, plans, selections, jobs
        // and recovery points), new optional fields (permissions, keys, direct writes), sealed
        // chunk files and block-map leaves with write generations. Nothing to convert; the
        // version keeps older libraries, which would misread the new leaves, from opening it.
        "-- nothing to convert",

        // 5 -> 6: chunks live in packs, located through the chunk_locations table (the chunk
        // store moves the chunk files of older stores into packs on open); new optional fields
        // of lifecycle policies, backup selections and jobs. The version keeps older libraries,
        // which look for one file per chunk and would find every chunk missing, from opening it.
        ChunkLocationTable.Create,
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
    private readonly PreparedStatement _selectNode;
    private readonly PreparedStatement _beginRead;
    private readonly PreparedStatement _endRead;
    private readonly ChunkLocationTable _locations;

    private SqliteStateStore(SqliteConnection connection, IDisposable? lease)
    {
        _connection = connection;
        _lease = lease;
        _upsertDocument = new(connection, "INSERT INTO documents (kind, key, body) VALUES (?1, ?2, ?3) ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body");
        _deleteDocument = new(connection, "DELETE FROM documents WHERE kind = ?1 AND key = ?2");
        _insertNode = new(connection, "INSERT OR IGNORE INTO nodes (id, body) VALUES (?1, ?2)");
        _deleteNode = new(connection, "DELETE FROM nodes WHERE id = ?1");
        _selectNode = new(connection, "SELECT body FROM nodes WHERE id = ?1");
        _beginRead = new(connection, "BEGIN");
        _endRead = new(connection, "COMMIT");
        _locations = new(connection);
    }

    /// <summary>Gets or sets the chunk store whose pending chunk locations ride along with every commit.</summary>
    internal IChunkJournal? Journal { get; set; }

    /// <summary>Opens (or creates) a state file, migrating an older format.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="blockSize">The block size of the cloud; must match the one the file was created with.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <see cref="LocalStoreErrorCodes.StoreDamaged"/> when the file cannot be read as a state
    /// database, <see cref="LocalStoreErrorCodes.FormatTooNew"/> for a newer format,
    /// <see cref="LocalStoreErrorCodes.BlockSizeMismatch"/> for another block size.
    /// </exception>
    public static SqliteStateStore Open(string path, int blockSize) => Open(path, blockSize, null, mayCreate: true);

    /// <summary>
    /// Opens a state file, holding <paramref name="lease"/> (the directory lock) until disposed.
    /// Unless <paramref name="mayCreate"/>, a missing or blank file is refused and left as it is.
    /// A database that is not an ebs state (another program's) is refused before anything is written to it.
    /// </summary>
    internal static SqliteStateStore Open(string path, int blockSize, IDisposable? lease, bool mayCreate)
    {
        ArgumentNullException.ThrowIfNull(path);
        var connection = Connect(path, mayCreate ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite);
        try
        {
            connection.Open();
            var tables = TablesOf(connection);
            if (tables.Count == 0 && !mayCreate)
            {
                throw StateMissing(path, "empty");
            }

            // Another program's database: recreating our tables in it would adopt it as a new,
            // empty store (and call every chunk beside it a leak).
            if (tables.Count > 0 && !IsEbsState(connection, tables))
            {
                throw mayCreate ? NotEbsState(path) : StateMissing(path, "not an ebs state database");
            }

            ThrowIfReadOnly(connection, path);
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Migrate(connection, path, tables, blockSize);

            // Where packed chunks lie: a table of its own, which stores written before packs lack.
            Execute(connection, ChunkLocationTable.Create);
            return new SqliteStateStore(connection, lease);
        }
        catch (SqliteException e) when (!mayCreate && e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CANTOPEN && !File.Exists(path))
        {
            connection.Dispose();
            throw StateMissing(path, "missing");
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Failure(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the block size a state file records, opening it only for reading; <see langword="null"/>
    /// when the file is missing or empty, records none, or cannot be read (an open reports why).
    /// </summary>
    internal static int? RecordedBlockSize(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return null;
        }

        try
        {
            using var connection = Connect(path, SqliteOpenMode.ReadOnly);
            connection.Open();
            return TablesOf(connection).Contains("meta")
                && Scalar(connection, "SELECT value FROM meta WHERE key = 'block_size'") is string text
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                ? size
                : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// Tells whether a database with tables is an ebs state, perhaps a damaged one: it records
    /// a format version, or holds our documents or nodes table (whose missing meta is damage).
    /// </summary>
    private static bool IsEbsState(SqliteConnection connection, HashSet<string> tables)
        => tables.Contains("documents") || tables.Contains("nodes")
            || (tables.Contains("meta") && Scalar(connection, "SELECT count(*) FROM pragma_table_info('meta') WHERE name IN ('key', 'value')") is 2L
                && Scalar(connection, "SELECT 1 FROM meta WHERE key = 'format_version'") is not null);

    /// <summary>
    /// Refuses a database SQLite could open only for reading (another user's file, a read-only
    /// file or folder): each write would fail with an error that reads like damage.
    /// </summary>
    /// <exception cref="EbsException"><see cref="LocalStoreErrorCodes.AccessDenied"/> naming the file.</exception>
    internal static void ThrowIfReadOnly(SqliteConnection connection, string path)
    {
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw NotWritable(path, "it can only be opened for reading");
        }
    }

    /// <summary>The error of a state file this process may not write.</summary>
    private static EbsException NotWritable(string path, string reason)
        => new(LocalStoreErrorCodes.AccessDenied, $"The state database '{path}' is not writable by this process ({reason.TrimEnd('.')}); run as the store's owner or give write access to it and its folder. The store is not damaged; nothing was changed.", path);

    /// <summary>The error of a database file that belongs to another program.</summary>
    private static EbsException NotEbsState(string path)
        => new(LocalStoreErrorCodes.NotAStore, $"'{path}' is an SQLite database but not an ebs state (it has no meta table with a format version); it is not a store and was left untouched. Choose another store folder.", path);

    /// <summary>The error of a state file missing beside the chunk files it describes.</summary>
    private static EbsException StateMissing(string path, string condition)
        => new(LocalStoreErrorCodes.StateMissing, $"The state database '{path}' is {condition}, but its store holds chunk files; without it nothing tells which volumes and snapshots use them. Restore it from a backup; nothing was changed.", path);

    /// <summary>The error of a state file that cannot be read as one.</summary>
    internal static EbsException Damaged(string path, string problem)
        => new(LocalStoreErrorCodes.StoreDamaged, $"The state database '{path}' is damaged: {problem.TrimEnd('.')}. Restore it from a backup; fsck lists what is still readable.", path);

    /// <summary>The error SQLite's failure stands for: a permission problem is not damage.</summary>
    private static EbsException Failure(string path, SqliteException e)
        => e.SqliteErrorCode is SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM or SQLitePCL.raw.SQLITE_AUTH
            || (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CANTOPEN && File.Exists(path))
            ? NotWritable(path, e.Message)
            : Damaged(path, e.Message);

    /// <summary>A connection to a state file, unpooled so that closing it releases the file.</summary>
    internal static SqliteConnection Connect(string path, SqliteOpenMode mode)
        => new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString());

    /// <summary>The names of the tables of the open database.</summary>
    internal static HashSet<string> TablesOf(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <inheritdoc />
    /// <exception cref="EbsException"><see cref="LocalStoreErrorCodes.StoreDamaged"/> when a table or row cannot be read.</exception>
    public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            try
            {
                return ValueTask.FromResult(new StoredState { Documents = Query(_connection, SelectDocuments, ReadDocument) });
            }
            catch (SqliteException e)
            {
                throw Failure(_connection.DataSource, e);
            }
            catch (Exception e) when (e is InvalidCastException or ArgumentException)
            {
                throw Damaged(_connection.DataSource, $"a row does not hold what its table should ({e.Message})");
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>One prepared point query under the store's lock, which a commit holds for its whole transaction.</remarks>
    /// <exception cref="EbsException"><see cref="LocalStoreErrorCodes.StoreDamaged"/> when the row cannot be read.</exception>
    public byte[]? ReadNode(NodeId id)
    {
        Span<byte> key = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(key, id.Value);
        lock (_gate)
        {
            try
            {
                return _selectNode.Blob(1, key).QueryBlob();
            }
            catch (SqliteException e)
            {
                throw Failure(_connection.DataSource, e);
            }
            catch (InvalidCastException e)
            {
                throw Damaged(_connection.DataSource, $"block-map node {id} cannot be read ({e.Message})");
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="EbsException"><see cref="LocalStoreErrorCodes.StoreDamaged"/> when the table or a row cannot be read.</exception>
    public ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            try
            {
                return ValueTask.FromResult<IReadOnlyList<StoredNode>>(Query(_connection, SelectNodes, ReadNodeRow));
            }
            catch (SqliteException e)
            {
                throw Failure(_connection.DataSource, e);
            }
            catch (Exception e) when (e is InvalidCastException or ArgumentException)
            {
                throw Damaged(_connection.DataSource, $"a row does not hold what its table should ({e.Message})");
            }
        }
    }

    /// <summary>Selects every document, for <see cref="ReadDocument"/>.</summary>
    internal const string SelectDocuments = "SELECT kind, key, body FROM documents";

    /// <summary>Selects every node, for <see cref="ReadNodeRow"/>.</summary>
    internal const string SelectNodes = "SELECT id, body FROM nodes";

    /// <exception cref="InvalidCastException">A column does not hold its type; the message names the record.</exception>
    internal static StateDocument ReadDocument(SqliteDataReader row)
    {
        var (kind, key) = (row.GetString(0), row.GetString(1));
        return new(kind, key, Bytes(row, 2, $"the stored {kind} '{key}'"));
    }

    /// <exception cref="InvalidCastException">A column does not hold its type; the message names the node.</exception>
    internal static StoredNode ReadNodeRow(SqliteDataReader row)
    {
        var id = new NodeId(BinaryPrimitives.ReadUInt128LittleEndian(Bytes(row, 0, "a block-map node's id")));
        return new(id, Bytes(row, 1, $"block-map node {id}"));
    }

    /// <summary>Reads a BLOB column, naming <paramref name="what"/> when it holds another type (text written by hand, say).</summary>
    private static byte[] Bytes(SqliteDataReader row, int column, string what)
        => row.GetValue(column) as byte[]
            ?? throw new InvalidCastException($"{what} holds {row.GetDataTypeName(column)} where its body should be bytes");

    /// <summary>Tells whether the state holds anything that uses chunks: a block-map node, or a written block (documents of kind <c>block</c>).</summary>
    internal bool UsesChunks()
    {
        lock (_gate)
        {
            return Scalar(_connection, "SELECT EXISTS (SELECT 1 FROM nodes) OR EXISTS (SELECT 1 FROM documents WHERE kind = 'block')") is 1L;
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

            CommitWithJournal(transaction);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Commits <paramref name="transaction"/> with the chunk locations pending in the <see cref="Journal"/>; the caller holds the lock.</summary>
    private void CommitWithJournal(SqliteTransaction transaction)
    {
        if (Journal is not { } journal)
        {
            transaction.Commit();
            return;
        }

        var committed = false;
        try
        {
            journal.Write(_locations);
            transaction.Commit();
            committed = true;
        }
        finally
        {
            journal.Complete(committed);
        }
    }

    /// <summary>
    /// Reads chunk locations under the store's lock, in one read transaction (or the transaction
    /// already open): each lookup in a transaction of its own took and dropped a lock of the
    /// write-ahead log's index, which made locating a batch of chunks cost more than reading them.
    /// </summary>
    /// <exception cref="EbsException"><see cref="LocalStoreErrorCodes.StoreDamaged"/> when the table cannot be read.</exception>
    internal T ReadLocations<T>(Func<ChunkLocationTable, T> read)
    {
        lock (_gate)
        {
            var begun = false;
            try
            {
                if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) != 0)
                {
                    _beginRead.Run();
                    begun = true;
                }

                return read(_locations);
            }
            catch (SqliteException e)
            {
                throw Failure(_connection.DataSource, e);
            }
            catch (InvalidCastException e)
            {
                throw Damaged(_connection.DataSource, $"a chunk location does not hold what its table should ({e.Message})");
            }
            finally
            {
                // Unless a failed read already ended it: SQLite rolls a transaction back on some errors.
                if (begun && SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
                {
                    _endRead.Run();
                }
            }
        }
    }

    /// <summary>Changes chunk locations alone, in one transaction (migrating, repacking, closing); pending journal entries ride along.</summary>
    internal void CommitLocations(Action<ChunkLocationTable> change)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            change(_locations);
            CommitWithJournal(transaction);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        try
        {
            Journal?.Close();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or EbsException)
        {
            // What was pending stays unrecorded: chunks no state references yet, or deletions, whose chunks stay as leaks.
        }

        _locations.Dispose();
        foreach (var statement in (ReadOnlySpan<PreparedStatement>)[_upsertDocument, _deleteDocument, _insertNode, _deleteNode, _selectNode, _beginRead, _endRead])
        {
            statement.Dispose();
        }

        _connection.Dispose();
        _lease?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Migrate(SqliteConnection connection, string path, HashSet<string> tables, int blockSize)
    {
        var version = 0;
        if (tables.Contains("meta"))
        {
            var text = Scalar(connection, "SELECT value FROM meta WHERE key = 'format_version'") as string;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
            {
                throw Damaged(path, text is null ? "its format version is missing" : $"its format version is '{text}', not a version number");
            }
        }
        else if (tables.Contains("documents") || tables.Contains("nodes"))
        {
            throw Damaged(path, "its meta table is missing");
        }

        if (version > FormatVersion)
        {
            throw new EbsException(LocalStoreErrorCodes.FormatTooNew, $"The state database '{path}' has format version {version}, newer than the {FormatVersion} this library reads; upgrade Ebs.Storage.Sqlite.", path);
        }

        if (version > 0 && Array.Find(["documents", "nodes"], table => !tables.Contains(table)) is { } lost)
        {
            throw Damaged(path, $"its {lost} table is missing");
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
        else if (!int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var created))
        {
            throw Damaged(path, $"its block size is '{stored}', not a number");
        }
        else if (created != blockSize)
        {
            throw new EbsException(LocalStoreErrorCodes.BlockSizeMismatch, $"The store '{Path.GetDirectoryName(path)}' was created with {created}-byte blocks; it cannot be opened with {blockSize}-byte blocks.", path);
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

    /// <summary>Reads every row of <paramref name="sql"/>.</summary>
    internal static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
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
