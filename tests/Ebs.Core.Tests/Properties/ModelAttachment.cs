using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Properties;

/// <summary>A volume's attachment as the model sees it: attaching until five seconds after it began, then attached, detaching from <see cref="DetachesAt"/> on.</summary>
public sealed record ModelAttachment(InstanceId Instance, string Device, bool DeleteOnTermination, DateTimeOffset AttachedAt, DateTimeOffset? DetachesAt)
{
    public bool IsAttachedAt(DateTimeOffset now) => DetachesAt is null && now >= AttachedAt + VolumeAttachment.TransitionTime;
}
