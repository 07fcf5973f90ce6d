namespace Ebs.Core.Services;

/// <summary>The result of ReadVolume (the library's own operation).</summary>
public sealed record ReadVolumeResponse
{
    internal ReadVolumeResponse()
    {
    }

    /// <summary>Gets the number of bytes read: the destination's length.</summary>
    public required int BytesRead { get; init; }
}
