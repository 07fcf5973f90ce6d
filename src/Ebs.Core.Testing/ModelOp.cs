namespace Ebs.Core.Testing;

/// <summary>The kinds of step a model-based sequence takes.</summary>
public enum ModelOpKind
{
    /// <summary>Creates an empty volume.</summary>
    CreateVolume,
    /// <summary>Writes bytes to a volume.</summary>
    Write,
    /// <summary>Takes a snapshot of a volume.</summary>
    CreateSnapshot,
    /// <summary>Deletes a snapshot (into the Recycle Bin under a rule).</summary>
    DeleteSnapshot,
    /// <summary>Creates a volume from a snapshot.</summary>
    CreateVolumeFromSnapshot,
    /// <summary>Deletes a volume.</summary>
    DeleteVolume,
    /// <summary>Advances the clock by Seed seconds.</summary>
    AdvanceTime,
    /// <summary>Makes a call that must be refused and change nothing.</summary>
    InvalidCall,
    /// <summary>Copies a snapshot in its Region.</summary>
    CopySnapshot,
    /// <summary>Restores a snapshot from the Recycle Bin.</summary>
    RestoreFromRecycleBin,
    /// <summary>Advances the clock to (or a second before) the earliest Recycle Bin exit.</summary>
    AdvanceToBinExit,
    /// <summary>Moves a snapshot to the archive tier.</summary>
    ArchiveSnapshot,
    /// <summary>Restores an archived snapshot, temporarily or for good.</summary>
    RestoreSnapshotTier,
    /// <summary>Enables Fast Snapshot Restore.</summary>
    EnableFastSnapshotRestore,
    /// <summary>Disables Fast Snapshot Restore.</summary>
    DisableFastSnapshotRestore,
    /// <summary>Registers an image of a snapshot.</summary>
    RegisterImage,
    /// <summary>Launches an instance of an image.</summary>
    RunInstance,
    /// <summary>Stops an instance.</summary>
    StopInstance,
    /// <summary>Starts an instance.</summary>
    StartInstance,
    /// <summary>Terminates an instance.</summary>
    TerminateInstance,
    /// <summary>Attaches a volume to an instance.</summary>
    AttachVolume,
    /// <summary>Detaches a volume.</summary>
    DetachVolume,
    /// <summary>Shares a snapshot with the recipient account, or unshares it.</summary>
    ShareSnapshot,
    /// <summary>The recipient account copies a snapshot.</summary>
    CopyAsOtherAccount,
    /// <summary>Advances the clock to the next instant something settles.</summary>
    AdvanceToSettling,
    /// <summary>The owner copies a snapshot into <see cref="ModelDriver.DisasterRecoveryRegion"/>.</summary>
    CopyToOtherRegion,
}

/// <summary>
/// One step; <see cref="Target"/> picks a live volume or snapshot by position (modulo the
/// live count; a binned snapshot for <see cref="ModelOpKind.RestoreFromRecycleBin"/>),
/// <see cref="Offset"/>/<see cref="Length"/>/<see cref="Seed"/> shape a write; <see cref="Seed"/>
/// also gives seconds to advance, seconds before a bin exit, or a restore's days (0: permanent);
/// <see cref="ModelOpKind.AdvanceToSettling"/> advances to the next instant a snapshot completes or an instance or attachment settles;
/// a non-zero <see cref="Offset"/> of an archive, tier restore, volume, copy or image registration targets a snapshot it can succeed on, if there is one.
/// </summary>
/// <param name="Kind">The kind of step.</param>
/// <param name="Target">Picks the volume, snapshot, image or instance by position.</param>
/// <param name="Offset">A write's byte offset, or non-zero for a focused step.</param>
/// <param name="Length">A write's length.</param>
/// <param name="Seed">A write's seed, seconds, days or a second pick (see above).</param>
public sealed record ModelOp(ModelOpKind Kind, int Target, int Offset, int Length, int Seed);
