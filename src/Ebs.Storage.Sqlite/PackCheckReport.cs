using System.Collections.Immutable;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// What <see cref="LocalDirectory.CheckPacksAsync"/> found in a store's packs: their size,
/// the physical (stored, compressed) and logical bytes of the chunks they hold, tails no
/// location names, and damage.
/// </summary>
public sealed record PackCheckReport
{
    /// <summary>Gets the number of pack files.</summary>
    public int Packs { get; init; }

    /// <summary>Gets the pack files' total size in bytes.</summary>
    public long PackBytes { get; init; }

    /// <summary>Gets the bytes the recorded chunks take in the packs (compressed, with their record headers).</summary>
    public long PhysicalChunkBytes { get; init; }

    /// <summary>Gets the recorded chunks' own bytes, uncompressed.</summary>
    public long LogicalChunkBytes { get; init; }

    /// <summary>Gets the bytes past the last recorded chunk of packs no longer filled: a write a crash interrupted, or chunks no commit recorded.</summary>
    public long UnrecordedBytes { get; init; }

    /// <summary>Gets the unrecorded bytes a repair cut off (or removed with their packs).</summary>
    public long ReclaimedBytes { get; init; }

    /// <summary>Gets the damage found, one line per pack: a header, index or record that fails its check.</summary>
    public ImmutableArray<string> Problems { get; init; } = [];

    /// <summary>Gets why a repair did not cut the unrecorded bytes, or <see langword="null"/>.</summary>
    public string? RepairRefusal { get; init; }

    /// <summary>Gets a value indicating whether nothing is damaged and no unrecorded bytes are left.</summary>
    public bool IsClean => Problems.IsEmpty && UnrecordedBytes == ReclaimedBytes;
}
