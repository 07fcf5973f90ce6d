using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The time-driven effects of instances and attachments: a terminated instance gives up its
/// volumes (deleting those marked DeleteOnTermination, detaching the others) and disappears an
/// hour later, an attachment
/// completes, a detachment completes. Each checks that what it was scheduled for still holds, so
/// an attachment that a termination already settled is left alone.
/// </summary>
internal static class Instances
{
    /// <summary>The due effect of an instance reaching <c>terminated</c>.</summary>
    public const string TerminatedEffect = "instance-terminated";

    /// <summary>The due effect of a terminated instance disappearing from DescribeInstances.</summary>
    public const string VanishedEffect = "instance-vanished";

    /// <summary>
    /// How long a terminated instance stays describable: AWS's DescribeInstances says terminated instances
    /// "remain visible after termination (for approximately one hour)"; the library takes one hour from <c>terminated</c>.
    /// </summary>
    public static readonly TimeSpan VisibleAfterTermination = TimeSpan.FromHours(1);

    /// <summary>The due effect of a volume's attachment reaching <c>attached</c>.</summary>
    public const string AttachedEffect = "volume-attached";

    /// <summary>The due effect of a volume's detachment completing: the volume becomes available.</summary>
    public const string DetachedEffect = "volume-detached";

    /// <summary>The volumes attached to an instance, in any attachment state.</summary>
    public static IEnumerable<VolumeRecord> VolumesOf(World world, InstanceId instance)
        => world.Volumes.Values.Where(v => v.View.Attachments is [var a] && a.InstanceId == instance);

    /// <summary>The attachments of the given owner's volumes in a Region, by instance.</summary>
    public static ILookup<InstanceId, VolumeAttachment> AttachmentsByInstance(World world, string ownerId, string region)
        => world.Volumes.Values
            .Where(v => v.View.OwnerId == ownerId && v.View.Region == region && v.View.Attachments.Count > 0)
            .SelectMany(v => v.View.Attachments)
            .ToLookup(a => a.InstanceId);

    public static void Terminated(CloudEngine engine, Mutation m, DueEvent due)
    {
        var instance = InstanceId.Parse(due.Target);
        m.Schedule(m.Now + VisibleAfterTermination, VanishedEffect, due.Target);
        foreach (var volume in VolumesOf(m.World, instance).ToList())
        {
            var attachment = volume.View.Attachments[0];
            if (attachment.State == VolumeAttachmentState.Detaching)
            {
                continue; // its own detachment completes it
            }

            if (attachment.DeleteOnTermination)
            {
                m.DiscardVolume(volume);
            }
            else
            {
                m.SetVolume(Detach(volume));
            }
        }
    }

    public static void Vanished(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Instances.GetValueOrDefault(InstanceId.Parse(due.Target)) is { State: InstanceStateName.Terminated } instance)
        {
            m.Remove(RecordKinds.Instance, instance.InstanceId);
        }
    }

    public static void Attached(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Volumes.GetValueOrDefault(VolumeId.Parse(due.Target)) is { View.Attachments: [{ State: VolumeAttachmentState.Attaching } a] } volume)
        {
            m.SetVolume(volume with { View = volume.View with { Attachments = ValueList<VolumeAttachment>.From([a with { State = VolumeAttachmentState.Attached }]) } });
        }
    }

    public static void Detached(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Volumes.GetValueOrDefault(VolumeId.Parse(due.Target)) is { View.Attachments: [{ State: VolumeAttachmentState.Detaching }] } volume)
        {
            m.SetVolume(Detach(volume));
        }
    }

    /// <summary>The volume without its attachment, available.</summary>
    private static VolumeRecord Detach(VolumeRecord volume)
        => volume with { View = volume.View with { State = VolumeState.Available, Attachments = ValueList<VolumeAttachment>.Empty } };
}
