namespace Ebs.Core.Domain;

/// <summary>The snapshot storage of one account in one Region.</summary>
/// <param name="SnapshotCount">The number of snapshots.</param>
/// <param name="StoredBytes">The distinct chunk bytes the snapshots hold: each shared block counted once.</param>
/// <param name="FullSizeBytes">The sum of the snapshots' full sizes: what storing each whole would take.</param>
public sealed record StorageUsage(int SnapshotCount, long StoredBytes, long FullSizeBytes);
