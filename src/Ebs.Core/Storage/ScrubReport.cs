using System.Collections.Immutable;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>What a mark-and-sweep scrub found: the live set, and everything that disagrees with it.</summary>
public sealed record ScrubReport
{
    /// <summary>
    /// The largest share of the stored chunks, and of the stored block-map nodes, that a repair
    /// reclaims without being forced: 0.5. A crash leaks the chunks of the calls it interrupted;
    /// a state that lost its records leaks nearly everything, and reclaiming that would destroy
    /// the data the state forgot.
    /// </summary>
    public const double RepairLimit = 0.5;

    /// <summary>Gets the number of block-map nodes reachable from live roots.</summary>
    public required int ReachableNodes { get; init; }

    /// <summary>Gets the number of chunks reachable from live roots.</summary>
    public required int ReachableChunks { get; init; }

    /// <summary>Gets the number of chunks in the chunk store when the scrub ran.</summary>
    public required int StoredChunks { get; init; }

    /// <summary>Gets the stored chunks that nothing references.</summary>
    public required ImmutableArray<ChunkId> LeakedChunks { get; init; }

    /// <summary>Gets the referenced chunks that are not stored.</summary>
    public required ImmutableArray<ChunkId> MissingChunks { get; init; }

    /// <summary>
    /// Gets the stored chunks whose bytes fail the store's check or do not hash to their id
    /// (only when contents were verified).
    /// </summary>
    public ImmutableArray<ChunkId> CorruptChunks { get; init; } = [];

    /// <summary>Gets the chunks whose stored reference count differs from the recomputed one.</summary>
    public required ImmutableArray<ChunkId> MiscountedChunks { get; init; }

    /// <summary>Gets the nodes held in memory that nothing references.</summary>
    public required ImmutableArray<NodeId> LeakedNodes { get; init; }

    /// <summary>Gets the referenced nodes that are not stored.</summary>
    public required ImmutableArray<NodeId> MissingNodes { get; init; }

    /// <summary>
    /// Gets the stored nodes, referenced or not, that cannot be decoded (malformed, or not
    /// hashing to their id). A call that reads one fails with <c>InternalError</c> naming it;
    /// a referenced one loses what lies under it, as a missing one does.
    /// </summary>
    public ImmutableArray<NodeId> CorruptNodes { get; init; } = [];

    /// <summary>Gets the nodes whose stored reference count differs from the recomputed one.</summary>
    public required ImmutableArray<NodeId> MiscountedNodes { get; init; }

    /// <summary>Gets a value indicating whether leaks were reclaimed and counts corrected.</summary>
    public required bool Repaired { get; init; }

    /// <summary>
    /// Gets why a requested repair was refused (a referenced node is missing or corrupt, or it would have
    /// reclaimed more than <see cref="RepairLimit"/> of the stored chunks or nodes, and it was
    /// not forced), or <see langword="null"/>. A refused repair deleted and corrected nothing.
    /// </summary>
    public string? RepairRefusal { get; init; }

    /// <summary>
    /// Gets, for each missing or corrupt chunk, the volumes, snapshots and images that use it
    /// and the byte ranges they lose: volumes first, then snapshots, then images, each by id.
    /// </summary>
    public ImmutableArray<DamagedUse> DamagedUses { get; init; } = [];

    /// <summary>
    /// Gets, for each missing or corrupt block-map node, the volumes, snapshots and images whose maps reach
    /// it and the byte ranges it covered: volumes first, then snapshots, then images, each by id.
    /// </summary>
    public ImmutableArray<MissingNodeUse> MissingNodeUses { get; init; } = [];

    /// <summary>Gets the leaked chunks a repair actually deleted (empty unless <see cref="Repaired"/>).</summary>
    public ImmutableArray<ChunkId> ReclaimedChunks { get; init; } = [];

    /// <summary>Gets the leaked block-map nodes a repair removed from the state (empty unless <see cref="Repaired"/>).</summary>
    public ImmutableArray<NodeId> ReclaimedNodes { get; init; } = [];

    /// <summary>Gets a value indicating whether nothing was leaked, missing, corrupt or mis-counted.</summary>
    public bool IsClean => LeakedChunks.IsEmpty && MissingChunks.IsEmpty && CorruptChunks.IsEmpty && MiscountedChunks.IsEmpty
        && LeakedNodes.IsEmpty && MissingNodes.IsEmpty && CorruptNodes.IsEmpty && MiscountedNodes.IsEmpty;
}
