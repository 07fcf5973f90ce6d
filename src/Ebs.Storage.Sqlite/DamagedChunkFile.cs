namespace Ebs.Storage.Sqlite;

/// <summary>A chunk file that fails its own check (trailer, length, checksum), in a <see cref="LocalStoreInspection"/>.</summary>
/// <param name="Path">The file.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record DamagedChunkFile(string Path, string Problem);
