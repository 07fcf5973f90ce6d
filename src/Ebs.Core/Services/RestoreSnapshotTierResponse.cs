using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of RestoreSnapshotTier.</summary>
public sealed record RestoreSnapshotTierResponse
{
    internal RestoreSnapshotTierResponse()
    {
    }

    /// <summary>Gets the snapshot id.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the instant the restore (or the change of a temporary restore) started.</summary>
    public required DateTimeOffset RestoreStartTime { get; init; }

    /// <summary>Gets the days of a temporary restore; <see langword="null"/> for a permanent one.</summary>
    public int? RestoreDuration { get; init; }

    /// <summary>Gets a value indicating whether the restore is permanent.</summary>
    public required bool IsPermanentRestore { get; init; }
}
