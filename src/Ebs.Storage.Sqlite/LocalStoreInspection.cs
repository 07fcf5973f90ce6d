using System.Collections.Immutable;
using Ebs.Core.Storage;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// What <see cref="LocalDirectory.InspectAsync"/> could read of a store without opening a
/// cloud on it: the state database's integrity, its tables and records, and the chunk files.
/// For a store that cannot be opened, it says what is left and what is lost.
/// </summary>
public sealed record LocalStoreInspection
{
    /// <summary>Gets the state database's path.</summary>
    public required string StatePath { get; init; }

    /// <summary>
    /// Gets what SQLite's integrity check reports, or why it could not run (a missing or empty
    /// file, not a database); empty when the database is intact.
    /// </summary>
    public required ImmutableArray<string> IntegrityProblems { get; init; }

    /// <summary>Gets how far each table of the state could be read: <c>meta</c>, <c>documents</c>, <c>nodes</c>.</summary>
    public required ImmutableArray<TableCheck> Tables { get; init; }

    /// <summary>Gets the records and block-map nodes that were read but cannot be decoded.</summary>
    public required ImmutableArray<UndecodableEntry> UndecodableEntries { get; init; }

    /// <summary>Gets the number of chunks found: intact records in packs, and chunk files of the first layout.</summary>
    public required int ChunkFiles { get; init; }

    /// <summary>Gets the bytes the intact pack records take (compressed, with their headers), dead ones included: the state that tells them apart may be unreadable.</summary>
    public long PhysicalChunkBytes { get; init; }

    /// <summary>Gets the chunks' own (uncompressed) bytes in the intact pack records.</summary>
    public long LogicalChunkBytes { get; init; }

    /// <summary>Gets the packs (a damaged header, index or record, or a tail a crash cut short) and first-layout chunk files that fail their own check.</summary>
    public required ImmutableArray<DamagedChunkFile> DamagedChunkFiles { get; init; }

    /// <summary>Gets a value indicating whether nothing was found wrong.</summary>
    public bool IsClean => IntegrityProblems.IsEmpty && Tables.All(t => t.Problem is null) && UndecodableEntries.IsEmpty && DamagedChunkFiles.IsEmpty;
}
