using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The EBS volume behind an instance's device (AWS's <c>EbsInstanceBlockDevice</c>).</summary>
public sealed record EbsInstanceBlockDevice
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal EbsInstanceBlockDevice()
    {
    }

    /// <summary>Gets the volume id.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the attachment state.</summary>
    public required VolumeAttachmentState Status { get; init; }

    /// <summary>Gets the time the attachment began.</summary>
    public required DateTimeOffset AttachTime { get; init; }

    /// <summary>Gets a value indicating whether the volume is deleted when the instance terminates.</summary>
    public bool DeleteOnTermination { get; init; }
}
