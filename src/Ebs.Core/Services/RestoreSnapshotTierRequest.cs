using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The parameters of RestoreSnapshotTier: a temporary restore for <see cref="TemporaryRestoreDays"/>
/// (1 day when neither is given), or a permanent one.
/// </summary>
public sealed record RestoreSnapshotTierRequest
{
    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>
    /// Gets the days, 1 to 180, the standard copy of a temporary restore is kept; on a snapshot
    /// already temporarily restored, the new period, counted from now. <see langword="null"/> means 1 day.
    /// </summary>
    public int? TemporaryRestoreDays { get; init; }

    /// <summary>Gets a value indicating whether the restore is permanent; then <see cref="TemporaryRestoreDays"/> must not be given.</summary>
    public bool? PermanentRestore { get; init; }
}
