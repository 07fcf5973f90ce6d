using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DetachVolume.</summary>
public sealed record DetachVolumeRequest
{
    /// <summary>Gets the volume to detach.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the instance it must be attached to, or <see langword="null"/> for whichever it is.</summary>
    public InstanceId? InstanceId { get; init; }

    /// <summary>Gets the device name it must be attached as, or <see langword="null"/> for whichever it is.</summary>
    public string? Device { get; init; }

    /// <summary>Gets a value indicating whether to force the detachment; the library has no guest to flush, so it changes nothing.</summary>
    public bool Force { get; init; }
}
