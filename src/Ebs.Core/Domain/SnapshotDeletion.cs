namespace Ebs.Core.Domain;

/// <summary>What DeregisterImage did with one of the image's snapshots.</summary>
/// <param name="SnapshotId">The snapshot.</param>
/// <param name="ReturnCode">AWS's code: <c>success</c> (deleted) or <c>skipped</c> (another image uses it).</param>
public sealed record SnapshotDeletion(SnapshotId SnapshotId, string ReturnCode);
