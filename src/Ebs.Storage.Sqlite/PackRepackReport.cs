using System.Collections.Immutable;

namespace Ebs.Storage.Sqlite;

/// <summary>What <see cref="LocalDirectory.RepackAsync"/> did: the packs it rewrote or removed and the bytes it freed.</summary>
public sealed record PackRepackReport
{
    /// <summary>Gets how many packs had their live chunks copied out and were removed.</summary>
    public int PacksRewritten { get; init; }

    /// <summary>Gets how many pack files were removed, rewritten ones and those no chunk lived in.</summary>
    public int PacksRemoved { get; init; }

    /// <summary>Gets how many chunks were copied into the pack being filled.</summary>
    public int ChunksMoved { get; init; }

    /// <summary>Gets the bytes freed: the removed packs' size less what was copied out of them.</summary>
    public long BytesFreed { get; init; }

    /// <summary>Gets the packs left as they were because a record in them is damaged (for fsck to report), one line each.</summary>
    public ImmutableArray<string> Damaged { get; init; } = [];
}
