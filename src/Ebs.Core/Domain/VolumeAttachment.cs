using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A volume's attachment to an instance (AWS's <c>VolumeAttachment</c>), as <see cref="Volume.Attachments"/> and AttachVolume / DetachVolume report it.</summary>
public sealed record VolumeAttachment
{
    /// <summary>How long <c>attaching</c> and <c>detaching</c> last: AWS gives no figure, the library takes five seconds.</summary>
    internal static readonly TimeSpan TransitionTime = TimeSpan.FromSeconds(5);

    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal VolumeAttachment()
    {
    }

    /// <summary>Gets the volume id.</summary>
    public required VolumeId VolumeId { get; init; }

    /// <summary>Gets the instance id.</summary>
    public required InstanceId InstanceId { get; init; }

    /// <summary>Gets the device name, such as <c>/dev/sdf</c>.</summary>
    public required string Device { get; init; }

    /// <summary>Gets the attachment state.</summary>
    public required VolumeAttachmentState State { get; init; }

    /// <summary>Gets the time the attachment began.</summary>
    public required DateTimeOffset AttachTime { get; init; }

    /// <summary>Gets a value indicating whether the volume is deleted when the instance terminates.</summary>
    public bool DeleteOnTermination { get; init; }
}
