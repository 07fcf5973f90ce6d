namespace Ebs.Core.Tests.Properties;

/// <summary>The kinds of step a model-based sequence takes.</summary>
public enum ModelOpKind
{
    CreateVolume,
    Write,
    CreateSnapshot,
    DeleteSnapshot,
    CreateVolumeFromSnapshot,
    DeleteVolume,
    AdvanceTime,
    InvalidCall,
    CopySnapshot,
    RestoreFromRecycleBin,
    AdvanceToBinExit,
    ArchiveSnapshot,
    RestoreSnapshotTier,
    EnableFastSnapshotRestore,
    DisableFastSnapshotRestore,
    RegisterImage,
    RunInstance,
    StopInstance,
    StartInstance,
    TerminateInstance,
    AttachVolume,
    DetachVolume,
    ShareSnapshot,
    CopyAsOtherAccount,
    AdvanceToSettling,
}

/// <summary>
/// One step; <see cref="Target"/> picks a live volume or snapshot by position (modulo the
/// live count; a binned snapshot for <see cref="ModelOpKind.RestoreFromRecycleBin"/>),
/// <see cref="Offset"/>/<see cref="Length"/>/<see cref="Seed"/> shape a write; <see cref="Seed"/>
/// also gives seconds to advance, seconds before a bin exit, or a restore's days (0: permanent);
/// <see cref="ModelOpKind.AdvanceToSettling"/> advances to the next instant a snapshot completes or an instance or attachment settles;
/// a non-zero <see cref="Offset"/> of an archive, tier restore, volume, copy or image registration targets a snapshot it can succeed on, if there is one.
/// </summary>
public sealed record ModelOp(ModelOpKind Kind, int Target, int Offset, int Length, int Seed);
