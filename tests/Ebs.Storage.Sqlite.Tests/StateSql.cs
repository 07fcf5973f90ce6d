using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Runs SQL straight against a store's state database, to set up or inspect what a test needs.</summary>
internal static class StateSql
{
    /// <summary>Runs statements against the state database of the store in <paramref name="dir"/>.</summary>
    public static void Execute(string dir, string sql)
    {
        using var connection = Open(dir);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Returns the first column of the first row as text, or <see langword="null"/>.</summary>
    public static string? Scalar(string dir, string sql)
    {
        using var connection = Open(dir);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static SqliteConnection Open(string dir)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dir, LocalDirectory.StateFileName)};Pooling=False");
        connection.Open();
        return connection;
    }
}
