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
    /// Gets the blocks only it holds: what deleting it would free. The newest snapshot of a volume
    /// shares its block map with that volume, so it frees nothing while the volume exists.
    /// </summary>
    public required long ExclusiveSizeInBytes { get; init; }
}
