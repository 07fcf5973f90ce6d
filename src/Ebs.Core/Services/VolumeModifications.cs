using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The time-driven side of ModifyVolume: a modification's target configuration applies when it starts optimizing.</summary>
internal static class VolumeModifications
{
    /// <summary>The due effect that applies a modification's target at <see cref="VolumeModificationRecord.OptimizingAt"/>.</summary>
    public const string OptimizingEffect = "volume-modification-optimizing";

    /// <summary>Starts <paramref name="modification"/> on <paramref name="volume"/> and schedules its target to apply.</summary>
    public static void Start(Mutation m, VolumeRecord volume, VolumeModificationRecord modification)
    {
        m.SetVolume(volume with { Modification = modification });
        m.Schedule(modification.OptimizingAt, OptimizingEffect, volume.Id.Value);
    }

    /// <summary>
    /// The <see cref="OptimizingEffect"/>: the volume takes its modification's target type, size, IOPS
    /// and throughput. Nothing happens when the volume was deleted meanwhile.
    /// </summary>
    public static void Optimizing(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (!m.World.Volumes.TryGetValue(VolumeId.Parse(due.Target), out var volume)
            || volume.Modification is not { } modification || modification.OptimizingAt != due.Due)
        {
            return;
        }

        var target = modification.Target;
        m.SetVolume(volume with
        {
            View = volume.View with { VolumeType = target.VolumeType, Size = target.SizeGiB, Iops = target.Iops, Throughput = target.Throughput },
        });
    }
}
