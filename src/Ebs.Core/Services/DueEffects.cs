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

/// <summary>A <see cref="DueEffect"/> that reads stored chunks, such as a copy into another Region.</summary>
/// <param name="engine">The engine.</param>
/// <param name="mutation">The change the event is applied to.</param>
/// <param name="due">The event.</param>
/// <returns>A task that completes when the effect is applied.</returns>
internal delegate ValueTask AwaitedDueEffect(CloudEngine engine, Mutation mutation, DueEvent due);

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
        [Instances.VanishedEffect] = Instances.Vanished,
        [Instances.AttachedEffect] = Instances.Attached,
        [Instances.DetachedEffect] = Instances.Detached,
        [LifecyclePolicies.RunEffect] = LifecyclePolicies.Run,
        [LifecyclePolicies.ExpiryEffect] = LifecyclePolicies.Expire,
        [LifecyclePolicies.RetainEffect] = LifecyclePolicies.Retain,
        [LifecyclePolicies.CompletedEffect] = LifecyclePolicies.Completed,
        [LifecyclePolicies.UnshareEffect] = LifecyclePolicies.Unshare,
        [LifecyclePolicies.FastRestoreEndsEffect] = LifecyclePolicies.FastRestoreEnds,
        [KmsClient.DeletionEffect] = KmsClient.Delete,
        [Backups.RuleRun] = Backups.RunRule,
        [Backups.RecoveryPointExpiry] = Backups.Expire,
        [Backups.ColdTransition] = Backups.MoveToCold,
        [DirectSnapshots.TimeoutEffect] = DirectSnapshots.TimedOut,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the effects that read stored chunks while they apply.</summary>
    public static FrozenDictionary<string, AwaitedDueEffect> Awaited { get; } = new Dictionary<string, AwaitedDueEffect>(StringComparer.Ordinal)
    {
        [LifecyclePolicies.CopyEffect] = LifecyclePolicies.CopyAsync,
        [Backups.CopyAction] = Backups.CopyAsync,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether an effect of this name exists, awaited or not.</summary>
    public static bool IsKnown(string effect) => All.ContainsKey(effect) || Awaited.ContainsKey(effect);

    /// <summary>Applies the named effect.</summary>
    public static ValueTask ApplyAsync(CloudEngine engine, Mutation mutation, DueEvent due)
    {
        if (All.TryGetValue(due.Effect, out var effect))
        {
            effect(engine, mutation, due);
            return ValueTask.CompletedTask;
        }

        return Awaited[due.Effect](engine, mutation, due);
    }
}
