using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of AttachVolume.</summary>
public sealed record AttachVolumeResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal AttachVolumeResponse()
    {
    }

    /// <summary>Gets the attachment, <c>attaching</c>.</summary>
    public required VolumeAttachment Attachment { get; init; }
}
