namespace Ebs.Core.Domain;

/// <summary>Why Fast Snapshot Restore of a snapshot failed in one zone (AWS's <c>EnableFastSnapshotRestoreStateErrorItem</c>).</summary>
/// <param name="AvailabilityZone">The zone, as the request named it.</param>
/// <param name="Error">The error.</param>
public sealed record FastSnapshotRestoreStateErrorItem(string AvailabilityZone, FastSnapshotRestoreStateError Error);
