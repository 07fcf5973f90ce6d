using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The most recent modification of a volume as ModifyVolume and DescribeVolumesModifications return
/// it (AWS's <c>VolumeModification</c>): an immutable view at the time of the call.
/// </summary>
public sealed record VolumeModification
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal VolumeModification()
    {
    }

    /// <summary>Gets the volume id.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the state of the modification.</summary>
    public required VolumeModificationState ModificationState { get; init; }

    /// <summary>Gets the target size in GiB.</summary>
    public required int TargetSize { get; init; }

    /// <summary>Gets the target IOPS (gp2's baseline for gp2; <see langword="null"/> for st1, sc1 and standard).</summary>
    public int? TargetIops { get; init; }

    /// <summary>Gets the target volume type.</summary>
    public required VolumeType TargetVolumeType { get; init; }

    /// <summary>Gets the target throughput in MiB/s (gp3 only).</summary>
    public int? TargetThroughput { get; init; }

    /// <summary>Gets the original size in GiB.</summary>
    public required int OriginalSize { get; init; }

    /// <summary>Gets the original IOPS.</summary>
    public int? OriginalIops { get; init; }

    /// <summary>Gets the original volume type.</summary>
    public required VolumeType OriginalVolumeType { get; init; }

    /// <summary>Gets the original throughput in MiB/s.</summary>
    public int? OriginalThroughput { get; init; }

    /// <summary>Gets the progress, 0 to 100 percent, through modifying and optimizing together.</summary>
    public required long Progress { get; init; }

    /// <summary>Gets the time the modification started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the time the modification completed; <see langword="null"/> until then.</summary>
    public DateTimeOffset? EndTime { get; init; }
}
