using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DetachVolume.</summary>
public sealed record DetachVolumeResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DetachVolumeResponse()
    {
    }

    /// <summary>Gets the attachment, <c>detaching</c>.</summary>
    public required VolumeAttachment Attachment { get; init; }
}
