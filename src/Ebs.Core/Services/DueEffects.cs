using System.Collections.Frozen;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// Applies one due event inside the scheduler's change, at the event's instant
/// (<see cref="Mutation.Now"/>). An effect whose target is gone does nothing: an effect that
/// throws fails every later call, since every call applies due work first.
/// </summary>
/// <param name="engine">The engine.</param>
/// <param name="mutation">The change the event is applied to.</param>
/// <param name="due">The event.</param>
internal delegate void DueEffect(CloudEngine engine, Mutation mutation, DueEvent due);

/// <summary>Every time-driven effect the scheduler applies, by the name a <see cref="DueEvent"/> gives; a new effect is one line here.</summary>
internal static class DueEffects
{
    public static FrozenDictionary<string, DueEffect> All { get; } = new Dictionary<string, DueEffect>(StringComparer.Ordinal)
    {
        [FastSnapshotRestores.DisabledEffect] = FastSnapshotRestores.Disabled,
        [SnapshotTiering.ArchivalCompletes] = SnapshotTiering.CompleteArchival,
        [SnapshotTiering.RestoreCompletes] = SnapshotTiering.CompleteRestore,
        [SnapshotTiering.TemporaryRestoreExpires] = SnapshotTiering.ExpireTemporaryRestore,
        [RecycleBin.SnapshotExpiry] = RecycleBin.ExpireSnapshot,
        [RecycleBin.ImageExpiry] = RecycleBin.ExpireImage,
        [VolumeModifications.OptimizingEffect] = VolumeModifications.Optimizing,
        [Instances.TerminatedEffect] = Instances.Terminated,
        [Instances.AttachedEffect] = Instances.Attached,
        [Instances.DetachedEffect] = Instances.Detached,
        [DirectSnapshots.TimeoutEffect] = DirectSnapshots.TimedOut,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
