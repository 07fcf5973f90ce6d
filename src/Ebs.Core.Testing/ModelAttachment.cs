using Ebs.Core.Domain;

namespace Ebs.Core.Testing;

/// <summary>A volume's attachment as the model sees it: attaching until five seconds after it began, then attached, detaching from <see cref="DetachesAt"/> on.</summary>
/// <param name="Instance">The instance.</param>
/// <param name="Device">The device name.</param>
/// <param name="DeleteOnTermination">Whether a termination deletes the volume.</param>
/// <param name="AttachedAt">When the attachment began.</param>
/// <param name="DetachesAt">When a detachment ends, once one began.</param>
public sealed record ModelAttachment(InstanceId Instance, string Device, bool DeleteOnTermination, DateTimeOffset AttachedAt, DateTimeOffset? DetachesAt)
{
    /// <summary>Whether the volume is attached (not attaching, not detaching) at an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when attached.</returns>
    public bool IsAttachedAt(DateTimeOffset now) => DetachesAt is null && now >= AttachedAt + VolumeAttachment.TransitionTime;
}
