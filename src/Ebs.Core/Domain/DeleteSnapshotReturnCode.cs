namespace Ebs.Core.Domain;

/// <summary>What DeregisterImage did with one of the image's snapshots (AWS's <c>DeleteSnapshotReturnCode</c>).</summary>
/// <param name="SnapshotId">The snapshot.</param>
/// <param name="ReturnCode">Whether it was deleted or skipped.</param>
public sealed record DeleteSnapshotReturnCode(SnapshotId SnapshotId, SnapshotReturnCodes ReturnCode);
