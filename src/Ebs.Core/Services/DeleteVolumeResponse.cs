namespace Ebs.Core.Services;

/// <summary>The result of DeleteVolume, which AWS leaves empty.</summary>
public sealed record DeleteVolumeResponse
{
    internal DeleteVolumeResponse()
    {
    }
}
