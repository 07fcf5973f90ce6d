namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a volume's most recent modification: what it changes and when it started.
/// Its state follows from the start on the clock (<see cref="OptimizingAt"/>, <see cref="CompletesAt"/>):
/// modifying for <see cref="ModifyingTime"/>, then optimizing for one second per GiB of the target
/// size (AWS: optimizing can take hours, longer for larger volumes), then completed.
/// </summary>
internal sealed record VolumeModificationRecord
{
    /// <summary>How long a modification is <c>modifying</c> (AWS: "a few seconds to a few minutes").</summary>
    public static readonly TimeSpan ModifyingTime = TimeSpan.FromMinutes(1);

    /// <summary>How long AWS makes a volume wait between modifications, from the start of the last one.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(6);

    public required VolumeId VolumeId { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required VolumeConfiguration Original { get; init; }

    public required VolumeConfiguration Target { get; init; }

    /// <summary>Gets the instant the new configuration applies and optimizing begins.</summary>
    public DateTimeOffset OptimizingAt => StartTime + ModifyingTime;

    /// <summary>Gets the instant the modification completes.</summary>
    public DateTimeOffset CompletesAt => OptimizingAt + TimeSpan.FromSeconds(Target.SizeGiB);

    /// <summary>Gets a value indicating whether the modification is still modifying or optimizing at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => now < CompletesAt;

    /// <summary>Gets the public view at <paramref name="now"/>.</summary>
    public VolumeModification ViewAt(DateTimeOffset now) => new()
    {
        VolumeId = VolumeId,
        ModificationState = now < OptimizingAt ? VolumeModificationState.Modifying
            : now < CompletesAt ? VolumeModificationState.Optimizing : VolumeModificationState.Completed,
        TargetSize = Target.SizeGiB,
        TargetIops = Target.Iops,
        TargetVolumeType = Target.VolumeType,
        TargetThroughput = Target.Throughput,
        OriginalSize = Original.SizeGiB,
        OriginalIops = Original.Iops,
        OriginalVolumeType = Original.VolumeType,
        OriginalThroughput = Original.Throughput,
        Progress = now >= CompletesAt ? 100 : (now - StartTime).Ticks * 100 / (CompletesAt - StartTime).Ticks,
        StartTime = StartTime,
        EndTime = now >= CompletesAt ? CompletesAt : null,
    };
}
