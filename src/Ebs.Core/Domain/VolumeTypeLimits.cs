using System.Globalization;

namespace Ebs.Core.Domain;

/// <summary>
/// AWS's limits of one volume type (docs/volumes.md gives the sources): sizes, provisioned IOPS
/// and throughput, and whether a volume of the type can boot an instance.
/// </summary>
/// <param name="MinSizeGiB">The smallest size.</param>
/// <param name="MaxSizeGiB">The largest size.</param>
/// <param name="MinIops">The fewest provisioned IOPS, or <see langword="null"/> when IOPS are not provisioned.</param>
/// <param name="MaxIops">The most provisioned IOPS.</param>
/// <param name="MaxIopsPerGiB">The most provisioned IOPS per GiB of size.</param>
/// <param name="Bootable">Whether a volume of the type can be a boot volume.</param>
internal sealed record VolumeTypeLimits(int MinSizeGiB, int MaxSizeGiB, int? MinIops, int MaxIops, int MaxIopsPerGiB, bool Bootable)
{
    /// <summary>The IOPS of a gp3 volume without provisioned IOPS, allowed at every size, and the default of a volume changed to gp3, io1 or io2.</summary>
    public const int BaselineIops = 3000;

    /// <summary>The throughput in MiB/s of a gp3 volume without provisioned throughput.</summary>
    public const int BaselineThroughput = 125;

    /// <summary>The most gp3 throughput in MiB/s.</summary>
    public const int MaxThroughput = 1000;

    /// <summary>The most gp3 throughput in MiB/s per provisioned IOPS, as a fraction 1/4.</summary>
    public const int IopsPerMiBps = 4;

    /// <summary>The fewest and most IOPS of a gp2 volume's baseline (3 per GiB).</summary>
    public const int Gp2MinIops = 100, Gp2MaxIops = 16000, Gp2IopsPerGiB = 3;

    /// <summary>Gets the limits of a type.</summary>
    public static VolumeTypeLimits Of(VolumeType type) => type switch
    {
        VolumeType.Gp2 => new(1, 16384, null, Gp2MaxIops, Gp2IopsPerGiB, Bootable: true),
        VolumeType.Gp3 => new(1, 16384, BaselineIops, 16000, 500, Bootable: true),
        VolumeType.Io1 => new(4, 16384, 100, 64000, 50, Bootable: true),
        VolumeType.Io2 => new(4, 65536, 100, 256000, 1000, Bootable: true),
        VolumeType.St1 => new(125, 16384, null, 0, 0, Bootable: false),
        VolumeType.Sc1 => new(125, 16384, null, 0, 0, Bootable: false),
        VolumeType.Standard => new(1, 1024, null, 0, 0, Bootable: true),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Gets a value indicating whether IOPS are provisioned (gp3, io1, io2).</summary>
    public bool ProvisionsIops => MinIops is not null;

    /// <summary>
    /// Checks a volume's configuration as CreateVolume and ModifyVolume do, in AWS's order, and
    /// gives the IOPS and throughput the volume reports: gp2's baseline (3 per GiB, 100 to 16,000),
    /// gp3's defaults (3,000 IOPS, 125 MiB/s), none for st1, sc1 and standard.
    /// </summary>
    /// <param name="type">The volume type.</param>
    /// <param name="sizeGiB">The size in GiB.</param>
    /// <param name="iops">The provisioned IOPS asked for, if any.</param>
    /// <param name="throughput">The throughput in MiB/s asked for, if any.</param>
    /// <returns>The IOPS and throughput to report.</returns>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterCombination</c> for IOPS on gp2, st1, sc1 or standard, or throughput on a type other than gp3;
    /// <c>MissingParameter</c> for io1 or io2 without IOPS; <c>InvalidParameterValue</c> for a size, IOPS, throughput or ratio out of range.
    /// </exception>
    public static (int? Iops, int? Throughput) Check(VolumeType type, int sizeGiB, int? iops, int? throughput)
    {
        var limits = Of(type);
        var name = type.ToAwsString();
        if (iops is not null && !limits.ProvisionsIops)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterCombination, $"The parameter iops is not supported for {name} volumes.");
        }

        if (throughput is not null && type != VolumeType.Gp3)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterCombination, $"The parameter throughput is not supported for {name} volumes.");
        }

        if (iops is null && type is VolumeType.Io1 or VolumeType.Io2)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, $"The request must contain the parameter iops for {name} volumes.");
        }

        if (sizeGiB < limits.MinSizeGiB)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume of {sizeGiB}GiB is too small for volume type {name}; minimum is {limits.MinSizeGiB}GiB.");
        }

        if (sizeGiB > limits.MaxSizeGiB)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume of {sizeGiB}GiB is too large for volume type {name}; maximum is {limits.MaxSizeGiB}GiB.");
        }

        if (!limits.ProvisionsIops)
        {
            return (type == VolumeType.Gp2 ? Gp2Baseline(sizeGiB) : null, null);
        }

        var provisioned = iops ?? BaselineIops;
        CheckIops(type, limits, sizeGiB, provisioned);
        if (type != VolumeType.Gp3)
        {
            return (provisioned, null);
        }

        var mibps = throughput ?? BaselineThroughput;
        CheckThroughput(provisioned, mibps);
        return (provisioned, mibps);
    }

    /// <summary>Gets a gp2 volume's baseline IOPS: 3 per GiB, at least 100 and at most 16,000.</summary>
    public static int Gp2Baseline(int sizeGiB) => (int)Math.Clamp(Gp2IopsPerGiB * (long)sizeGiB, Gp2MinIops, Gp2MaxIops);

    private static void CheckIops(VolumeType type, VolumeTypeLimits limits, int sizeGiB, int iops)
    {
        if (iops < limits.MinIops)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume iops of {iops} is too low; minimum is {limits.MinIops}.");
        }

        if (iops > limits.MaxIops)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume iops of {iops} is too high; maximum is {limits.MaxIops}.");
        }

        // gp3's baseline 3,000 IOPS come with every size; the ratio bounds what is provisioned above it.
        var free = type == VolumeType.Gp3 ? BaselineIops : 0;
        if (iops > free && iops > (long)limits.MaxIopsPerGiB * sizeGiB)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, string.Create(CultureInfo.InvariantCulture,
                $"Iops to volume size ratio of {(double)iops / sizeGiB:F6} is too high; maximum is {limits.MaxIopsPerGiB:F6}."));
        }
    }

    private static void CheckThroughput(int iops, int mibps)
    {
        if (mibps < BaselineThroughput)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Throughput of {mibps} MiBps is too low; minimum is {BaselineThroughput} MiBps.");
        }

        if (mibps > MaxThroughput)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Throughput of {mibps} MiBps is too high; maximum is {MaxThroughput} MiBps.");
        }

        if ((long)mibps * IopsPerMiBps > iops)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, string.Create(CultureInfo.InvariantCulture,
                $"Throughput (MiBps) to iops ratio of {(double)mibps / iops:F6} is too high; maximum is 0.250000 MiBps per iops."));
        }
    }
}
