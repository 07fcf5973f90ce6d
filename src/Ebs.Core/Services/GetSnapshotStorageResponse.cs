namespace Ebs.Core.Services;

/// <summary>The result of GetSnapshotStorage (the library's own operation): the storage figures of one snapshot, in bytes.</summary>
public sealed record GetSnapshotStorageResponse
{
    internal GetSnapshotStorageResponse()
    {
    }

    /// <summary>Gets every written block it holds (used data, not allocated size).</summary>
    public required long FullSnapshotSizeInBytes { get; init; }

    /// <summary>Gets the blocks it copied: those changed since the volume's previous snapshot.</summary>
    public required long IncrementalSizeInBytes { get; init; }

    /// <summary>
    /// Gets the physical bytes deleting it would free: the blocks only it holds in the chunk store.
    /// The newest snapshot of a volume shares its block map with that volume, so it frees nothing
    /// while the volume exists.
    /// </summary>
    public required long ExclusiveSizeInBytes { get; init; }

    /// <summary>
    /// Gets the bytes it is billed for now in the standard tier: the blocks that differ from its
    /// parent (the newest billed snapshot of its lineage before it, or the snapshot its volume was
    /// created from). Grows when an earlier snapshot of its lineage is deleted.
    /// </summary>
    public required long BilledSizeInBytes { get; init; }

    /// <summary>
    /// Gets the billed bytes deleting it would stop charging for: its own billed bytes, less what
    /// its next snapshots would then be billed for instead (AWS moves shared data to them).
    /// </summary>
    public required long BilledExclusiveSizeInBytes { get; init; }
}
