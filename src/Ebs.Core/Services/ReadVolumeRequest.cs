using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ReadVolume (the library's own operation): bytes of a volume at an offset.</summary>
public sealed record ReadVolumeRequest
{
    /// <summary>Gets the volume to read.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the byte offset to read from.</summary>
    public required long Offset { get; init; }

    /// <summary>Gets the buffer to fill; its length is the number of bytes read, which must lie within the volume.</summary>
    public required Memory<byte> Destination { get; init; }
}
