namespace Ebs.Core.Domain;

/// <summary>Optional parameters of snapshot and AMI policies (DLM's <c>Parameters</c>).</summary>
public sealed record Parameters
{
    /// <summary>Gets a value indicating whether a snapshot policy targeting instances leaves out their root volumes.</summary>
    public bool ExcludeBootVolume { get; init; }

    /// <summary>
    /// Gets a value indicating whether an AMI policy leaves its instances running without a reboot; the default is
    /// <see langword="true"/>. With <see langword="false"/> the images are application-consistent, as CreateImage's
    /// reboot makes them (quiesce hooks are not called by policy runs).
    /// </summary>
    public bool? NoReboot { get; init; }
}
