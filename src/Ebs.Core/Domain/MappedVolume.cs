namespace Ebs.Core.Domain;

/// <summary>
/// The type, IOPS and throughput of a volume a block device mapping describes, once a launch (or
/// CreateImage) has changed the mapping: a field given by the change wins; the image's IOPS and
/// throughput carry over only while the type stays the image's, since they belong to that type.
/// </summary>
internal static class MappedVolume
{
    /// <summary>Settles and checks a mapped volume's configuration.</summary>
    /// <param name="device">The device name, for messages.</param>
    /// <param name="boot">Whether the device is the root (boot) device.</param>
    /// <param name="baseType">The mapping's type (<see langword="null"/> for gp2).</param>
    /// <param name="baseIops">The mapping's IOPS.</param>
    /// <param name="baseThroughput">The mapping's throughput.</param>
    /// <param name="change">What the request changes, if anything.</param>
    /// <param name="sizeGiB">The volume's size.</param>
    /// <returns>The type, and the IOPS and throughput the volume reports.</returns>
    /// <exception cref="EbsException">
    /// <c>InvalidBlockDeviceMapping</c> for st1 or sc1 as the boot volume; what <see cref="VolumeTypeLimits.Check"/> throws.
    /// </exception>
    public static (VolumeType Type, int? Iops, int? Throughput) Settle(
        string device, bool boot, VolumeType? baseType, int? baseIops, int? baseThroughput, LaunchEbsBlockDevice? change, int sizeGiB)
    {
        var type = change?.VolumeType ?? baseType ?? VolumeType.Gp2;
        if (!AwsEnum.IsDefined(type))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Invalid VolumeType '{type}' for {device}.");
        }

        var (keptIops, keptThroughput) = type == (baseType ?? VolumeType.Gp2) ? Provisioned(type, baseIops, baseThroughput) : (null, null);
        var iops = change?.Iops ?? keptIops;
        var throughput = change?.Throughput ?? keptThroughput;
        if (boot && !VolumeTypeLimits.Of(type).Bootable)
        {
            // AWS's user guide: st1 and sc1 "can't be a boot volume"; the console says "This volume type is not
            // compatible with root volumes". The API's code is UNCONFIRMED: the library answers InvalidBlockDeviceMapping.
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"Volume type {type.ToAwsString()} is not supported for the root device {device}: st1 and sc1 volumes cannot be boot volumes.");
        }

        var (settledIops, settledThroughput) = VolumeTypeLimits.Check(type, sizeGiB, iops, throughput);
        return (type, settledIops, settledThroughput);
    }

    /// <summary>
    /// The IOPS and throughput a mapping records for a volume of <paramref name="type"/>: those it provisions
    /// (gp3, io1 and io2 IOPS; gp3 throughput), not gp2's baseline, which follows from the size.
    /// </summary>
    /// <param name="type">The volume type.</param>
    /// <param name="iops">The IOPS the volume reports.</param>
    /// <param name="throughput">The throughput the volume reports.</param>
    /// <returns>What to record.</returns>
    public static (int? Iops, int? Throughput) Provisioned(VolumeType type, int? iops, int? throughput)
        => (VolumeTypeLimits.Of(type).ProvisionsIops ? iops : null, type == VolumeType.Gp3 ? throughput : null);
}
