using System.Collections.Immutable;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a volume: its public view, the frozen block map of its last snapshot
/// (or source snapshot), and the blocks written since (its write-back set), which the next
/// snapshot freezes into a new map.
/// </summary>
internal sealed record VolumeRecord
{
    public required Volume View { get; init; }

    /// <summary>Gets the map the volume's unchanged blocks come from.</summary>
    public NodeId? BaseRoot { get; init; }

    /// <summary>Gets the blocks written since <see cref="BaseRoot"/> was frozen.</summary>
    public ImmutableSortedDictionary<long, ChunkId> Dirty { get; init; } = ImmutableSortedDictionary<long, ChunkId>.Empty;

    /// <summary>Gets the completion instants of the volume's snapshots that may still be copying (see <see cref="SnapshotQueue"/>).</summary>
    public ImmutableArray<DateTimeOffset> SnapshotCompletions { get; init; } = [];

    /// <summary>Gets the lazy-load state of a volume created from a snapshot.</summary>
    public LazyLoad? LazyLoad { get; init; }

    /// <summary>
    /// Gets a value indicating whether the volume is being made by an import that has not
    /// completed: such a volume is invisible to every call, and one found when a cloud opens
    /// (its process died) is removed.
    /// </summary>
    public bool Importing { get; init; }

    /// <summary>
    /// Gets the instant a new volume leaves <c>creating</c> (its <see cref="Volume.State"/> is stored as
    /// reached); <see langword="null"/> for volumes available at once.
    /// </summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <summary>Gets the volume's most recent modification, if any.</summary>
    public VolumeModificationRecord? Modification { get; init; }

    /// <summary>Gets the state at <paramref name="now"/>: <c>creating</c> until <see cref="AvailableAt"/>.</summary>
    public VolumeState StateAt(DateTimeOffset now) => now < AvailableAt ? VolumeState.Creating : View.State;

    public VolumeId Id => View.VolumeId;
}
