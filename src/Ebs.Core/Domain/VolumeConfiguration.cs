namespace Ebs.Core.Domain;

/// <summary>What ModifyVolume can change of a volume: its type, size, IOPS and throughput, as the volume reports them.</summary>
/// <param name="VolumeType">The type.</param>
/// <param name="SizeGiB">The size in GiB.</param>
/// <param name="Iops">The IOPS (gp2's baseline for gp2; none for st1, sc1, standard).</param>
/// <param name="Throughput">The throughput in MiB/s (gp3 only).</param>
internal sealed record VolumeConfiguration(VolumeType VolumeType, int SizeGiB, int? Iops, int? Throughput)
{
    /// <summary>Gets the configuration of a volume.</summary>
    public static VolumeConfiguration Of(Volume v) => new(v.VolumeType, v.Size, v.Iops, v.Throughput);
}
