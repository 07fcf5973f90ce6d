using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ModifyVolume: at least one of size, type, IOPS and throughput.</summary>
public sealed record ModifyVolumeRequest
{
    /// <summary>Gets the volume to modify.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the target size in GiB, at least the current size; <see langword="null"/> keeps it.</summary>
    public int? Size { get; init; }

    /// <summary>Gets the target volume type; <see langword="null"/> keeps it.</summary>
    public VolumeType? VolumeType { get; init; }

    /// <summary>
    /// Gets the target IOPS (gp3, io1, io2); <see langword="null"/> keeps the current IOPS when the type
    /// is kept, and gives 3,000 when the type changes to gp3, io1 or io2.
    /// </summary>
    public int? Iops { get; init; }

    /// <summary>Gets the target throughput in MiB/s (gp3); <see langword="null"/> keeps a gp3 volume's, and gives 125 when the type changes to gp3.</summary>
    public int? Throughput { get; init; }
}
