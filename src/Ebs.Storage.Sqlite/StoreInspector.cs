using System.Collections.Immutable;
using System.Globalization;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;
using Ebs.Storage.Sqlite.Packs;
using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Reads what it can of a store that may be damaged, changing nothing: the state database is
/// opened without creating it and queried only, and each table is read row by row so that
/// the rows before a damaged page still count.
/// </summary>
internal static class StoreInspector
{
    public static async ValueTask<LocalStoreInspection> InspectAsync(string statePath, string chunkRoot, int blockSize, CancellationToken cancellationToken)
    {
        var state = InspectState(statePath);
        var recordedBlockSize = state.Meta.TryGetValue("block_size", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : blockSize;
        var files = 0;
        long physical = 0, logical = 0;
        var damaged = ImmutableArray.CreateBuilder<DamagedChunkFile>();
        foreach (var path in FileChunkStore.FilesUnder(chunkRoot))
        {
            files++;
            if (await CheckChunkFileAsync(path, recordedBlockSize, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                damaged.Add(new DamagedChunkFile(path, problem));
            }
        }

        foreach (var number in PackChunkStore.Numbers(Path.Combine(chunkRoot, PackChunkStore.FolderName)).Order())
        {
            var path = Path.Combine(chunkRoot, PackChunkStore.FolderName, PackFile.NameOf(number));
            var (records, problem) = CheckPack(path);
            files += records.Count;
            physical += records.Sum(r => (long)r.Length);
            logical += records.Sum(r => (long)r.ChunkLength);
            if (problem is not null)
            {
                damaged.Add(new DamagedChunkFile(path, problem));
            }
        }

        return new LocalStoreInspection
        {
            StatePath = statePath,
            IntegrityProblems = state.Integrity,
            Tables = state.Tables,
            UndecodableEntries = StoredStateCheck.FindUndecodable(state.Documents, state.Nodes),
            ChunkFiles = files,
            DamagedChunkFiles = damaged.ToImmutable(),
            PhysicalChunkBytes = physical,
            LogicalChunkBytes = logical,
        };
    }

    private static StateFindings InspectState(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return StateFindings.Unreadable(file.Exists ? "the file is empty" : "the file is missing");
        }

        using var connection = SqliteStateStore.Connect(path, SqliteOpenMode.ReadWrite);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA query_only = ON";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            return StateFindings.Unreadable(e.Message);
        }

        var integrity = Integrity(connection);
        var (meta, metaCheck) = ReadTable(connection, "meta", "SELECT key, value FROM meta", row => KeyValuePair.Create(row.GetString(0), row.GetString(1)));
        var (documents, documentCheck) = ReadTable(connection, "documents", SqliteStateStore.SelectDocuments, SqliteStateStore.ReadDocument);
        var (nodes, nodeCheck) = ReadTable(connection, "nodes", SqliteStateStore.SelectNodes, SqliteStateStore.ReadNodeRow);
        return new StateFindings(integrity, [metaCheck, documentCheck, nodeCheck], new Dictionary<string, string>(meta, StringComparer.Ordinal), documents, nodes);
    }

    private static ImmutableArray<string> Integrity(SqliteConnection connection)
    {
        try
        {
            var lines = SqliteStateStore.Query(connection, "PRAGMA integrity_check", row => row.GetString(0));
            return lines is ["ok"] ? [] : [.. lines];
        }
        catch (SqliteException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Reads a table's rows up to the first that fails.</summary>
    private static (List<T> Rows, TableCheck Check) ReadTable<T>(SqliteConnection connection, string table, string sql, Func<SqliteDataReader, T> read)
    {
        var rows = new List<T>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return (rows, new TableCheck(table, rows.Count, null));
        }
        catch (Exception e) when (e is SqliteException or InvalidCastException or ArgumentException)
        {
            return (rows, new TableCheck(table, rows.Count, e.Message));
        }
    }

    private static async ValueTask<string?> CheckChunkFileAsync(string path, int blockSize, CancellationToken cancellationToken)
    {
        if (!ChunkId.TryParse(Path.GetFileNameWithoutExtension(path), out _))
        {
            return "its name is not a chunk id";
        }

        try
        {
            // A chunk is one block, or one block sealed for an encrypted volume or snapshot.
            var bytes = await ChunkFile.ReadAllAsync(path, cancellationToken).ConfigureAwait(false);
            var problem = ChunkFile.TryGetData(bytes, blockSize, out _);
            return problem is null || ChunkFile.TryGetData(bytes, blockSize + ChunkFormat.SealedOverhead, out _) is null ? null : problem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read ({e.Message})";
        }
    }

    /// <summary>Counts a pack's intact records and says what is wrong with it: its index, or the record where reading stopped.</summary>
    private static (List<PackFile.ScannedRecord> Records, string? Problem) CheckPack(string path)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            PackFile.SealedIndex? index;
            try
            {
                index = PackFile.ReadIndex(file);
            }
            catch (InvalidDataException e)
            {
                return ([], e.Message);
            }

            var scan = PackFile.Scan(file, index?.End ?? RandomAccess.GetLength(file));
            return (scan.Records, scan.Problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"it cannot be read ({e.Message})");
        }
    }

    private sealed record StateFindings(
        ImmutableArray<string> Integrity,
        ImmutableArray<TableCheck> Tables,
        IReadOnlyDictionary<string, string> Meta,
        IReadOnlyList<StateDocument> Documents,
        IReadOnlyList<StoredNode> Nodes)
    {
        public static StateFindings Unreadable(string problem) => new([problem], [], ImmutableDictionary<string, string>.Empty, [], []);
    }
}
