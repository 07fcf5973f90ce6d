using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// A statement prepared once on a connection and run once per row, binding ids and bodies
/// straight from spans: no parameter objects, boxing or data reader per row, which made a
/// commit's rows cost several times what SQLite itself spends on them.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="connection"/>, which must stay open while the statement is used.</summary>
    /// <exception cref="SqliteException">The statement does not compile.</exception>
    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement));
    }

    /// <summary>Binds text to the 1-based parameter <paramref name="index"/>.</summary>
    public PreparedStatement Text(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>Binds an integer to the 1-based parameter <paramref name="index"/>.</summary>
    public PreparedStatement Int(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <summary>Binds bytes to the 1-based parameter <paramref name="index"/> (an empty span binds an empty blob, not null).</summary>
    public PreparedStatement Blob(int index, ReadOnlySpan<byte> value)
    {
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    /// <summary>Runs the statement with the values bound, then resets it for the next row.</summary>
    /// <exception cref="SqliteException">The statement failed.</exception>
    public void Run()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                throw Failure(result);
            }
        }
        finally
        {
            _ = raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>
    /// Runs a query of one row with the values bound and reads its first column, which must hold
    /// bytes, then resets the statement.
    /// </summary>
    /// <returns>The bytes, or <see langword="null"/> when there is no row.</returns>
    /// <exception cref="SqliteException">The query failed.</exception>
    /// <exception cref="InvalidCastException">The column holds another type than bytes.</exception>
    public byte[]? QueryBlob()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_DONE)
            {
                return null;
            }

            if (result != raw.SQLITE_ROW)
            {
                throw Failure(result);
            }

            var type = raw.sqlite3_column_type(_statement, 0);
            return type == raw.SQLITE_BLOB
                ? raw.sqlite3_column_blob(_statement, 0).ToArray()
                : throw new InvalidCastException($"the column holds {(type == raw.SQLITE_TEXT ? "TEXT" : type == raw.SQLITE_NULL ? "NULL" : type == raw.SQLITE_INTEGER ? "INTEGER" : "REAL")}, not bytes");
        }
        finally
        {
            _ = raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>
    /// Runs a query with the values bound and copies its first row's integer columns into
    /// <paramref name="columns"/> (as many as it holds), then resets it for the next use.
    /// </summary>
    /// <returns><see langword="false"/> when the query gives no row.</returns>
    /// <exception cref="SqliteException">The query failed.</exception>
    /// <exception cref="InvalidCastException">A column holds something other than an integer.</exception>
    public bool TryReadRow(Span<long> columns)
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == raw.SQLITE_DONE)
            {
                return false;
            }

            if (result != raw.SQLITE_ROW)
            {
                throw Failure(result);
            }

            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = raw.sqlite3_column_type(_statement, i) == raw.SQLITE_INTEGER
                    ? raw.sqlite3_column_int64(_statement, i)
                    : throw new InvalidCastException($"column {i} does not hold an integer");
            }

            return true;
        }
        finally
        {
            _ = raw.sqlite3_reset(_statement);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Failure(result);
        }
    }

    private SqliteException Failure(int result) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
}
