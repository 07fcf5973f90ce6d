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
}

/// <summary>
/// One step; <see cref="Target"/> picks a live volume or snapshot by position (modulo the
/// live count), <see cref="Offset"/>/<see cref="Length"/>/<see cref="Seed"/> shape a write.
/// </summary>
public sealed record ModelOp(ModelOpKind Kind, int Target, int Offset, int Length, int Seed);
