namespace Ebs.Core.Domain;

/// <summary>The storage figures of one snapshot, in bytes.</summary>
/// <param name="FullSizeBytes">Every written block it holds (used data, not allocated size).</param>
/// <param name="IncrementalSizeBytes">The blocks it copied: those changed since the volume's previous snapshot.</param>
/// <param name="ExclusiveBytes">
/// The blocks only it holds: what deleting it would free. The newest snapshot of a volume
/// shares its block map with that volume, so it frees nothing while the volume exists.
/// </param>
public sealed record SnapshotStorage(long FullSizeBytes, long IncrementalSizeBytes, long ExclusiveBytes);
