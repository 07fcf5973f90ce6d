namespace Ebs.Storage.Sqlite;

/// <summary>How far one table of a state database could be read, in a <see cref="LocalStoreInspection"/>.</summary>
/// <param name="Name">The table.</param>
/// <param name="Rows">The rows read before any failure.</param>
/// <param name="Problem">Why the table could not be read to its end, or <see langword="null"/> when it could.</param>
public sealed record TableCheck(string Name, int Rows, string? Problem);
