using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteVolume.</summary>
public sealed record DeleteVolumeRequest
{
    /// <summary>Gets the volume to delete.</summary>
    public required VolumeId VolumeId { get; init; }
}
