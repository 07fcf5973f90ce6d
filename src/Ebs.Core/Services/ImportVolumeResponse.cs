using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ImportVolume (the library's own operation).</summary>
public sealed record ImportVolumeResponse
{
    internal ImportVolumeResponse()
    {
    }

    /// <summary>Gets the volume the image went into.</summary>
    public required Volume Volume { get; init; }
}
