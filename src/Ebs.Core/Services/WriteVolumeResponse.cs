namespace Ebs.Core.Services;

/// <summary>The result of WriteVolume (the library's own operation).</summary>
public sealed record WriteVolumeResponse
{
    internal WriteVolumeResponse()
    {
    }

    /// <summary>Gets the number of bytes written.</summary>
    public required long BytesWritten { get; init; }
}
