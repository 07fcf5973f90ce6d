using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of WriteVolume (the library's own operation): ranges of bytes to write to a volume as one atomic change.</summary>
public sealed record WriteVolumeRequest
{
    /// <summary>Gets the volume to write.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the ranges to write, applied in order; they must lie within the volume.</summary>
    public required IReadOnlyList<VolumeWrite> Writes { get; init; }
}
