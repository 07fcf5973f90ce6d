using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CreateVolume.</summary>
public sealed record CreateVolumeResponse
{
    internal CreateVolumeResponse()
    {
    }

    /// <summary>Gets the new volume.</summary>
    public required Volume Volume { get; init; }
}
