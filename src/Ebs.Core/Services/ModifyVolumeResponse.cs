using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ModifyVolume: the modification, <see cref="VolumeModificationState.Modifying"/>.</summary>
public sealed record ModifyVolumeResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ModifyVolumeResponse()
    {
    }

    /// <summary>Gets the modification.</summary>
    public required VolumeModification VolumeModification { get; init; }
}
