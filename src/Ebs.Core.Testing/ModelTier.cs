using Ebs.Core.Domain;

namespace Ebs.Core.Testing;

/// <summary>
/// The model's archive tier of one snapshot: its last tier operation, when it completes and, for
/// a temporary restore, when the standard copy goes. A snapshot never archived has none.
/// </summary>
/// <param name="Status">The last tier operation's status.</param>
/// <param name="CompletesAt">When that operation completes.</param>
/// <param name="Expiry">When a temporary restore's standard copy goes.</param>
public sealed record ModelTier(TieringOperationStatus Status, DateTimeOffset CompletesAt, DateTimeOffset? Expiry)
{
    /// <summary>Gets a value indicating whether the snapshot is in the standard tier only again (so it may be archived, or FSR enabled).</summary>
    public bool IsStandardOnly => Status == TieringOperationStatus.PermanentRestoreCompleted;

    /// <summary>Gets a value indicating whether the snapshot can be used (volume, copy): being archived, restored for good, or temporarily restored.</summary>
    public bool IsReadable => Status is TieringOperationStatus.ArchivalInProgress or TieringOperationStatus.PermanentRestoreCompleted or TieringOperationStatus.TemporaryRestoreCompleted;

    /// <summary>Gets a value indicating whether RestoreSnapshotTier accepts it: archived, or temporarily restored (to extend or make permanent).</summary>
    public bool IsRestorable => Status is TieringOperationStatus.ArchivalCompleted or TieringOperationStatus.TemporaryRestoreCompleted;

    /// <summary>The tier at <paramref name="now"/>: completions and a temporary copy's end applied.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The tier then.</returns>
    public ModelTier At(DateTimeOffset now) => Status switch
    {
        TieringOperationStatus.ArchivalInProgress when now >= CompletesAt => this with { Status = TieringOperationStatus.ArchivalCompleted },
        TieringOperationStatus.TemporaryRestoreInProgress when now >= CompletesAt => (this with { Status = TieringOperationStatus.TemporaryRestoreCompleted }).At(now),
        TieringOperationStatus.TemporaryRestoreCompleted when now >= Expiry => this with { Status = TieringOperationStatus.ArchivalCompleted, Expiry = null },
        TieringOperationStatus.PermanentRestoreInProgress when now >= CompletesAt => this with { Status = TieringOperationStatus.PermanentRestoreCompleted },
        _ => this,
    };
}
