using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Attaches an available volume to a running or stopped instance in its Availability Zone, as a device name the
    /// instance does not use: the volume is <c>in-use</c> at once, its attachment <c>attaching</c>, then <c>attached</c>
    /// five seconds later. Its bytes are then the instance's device's bytes: I/O on the volume is I/O through the device.
    /// </summary>
    /// <param name="request">The volume, the instance and the device name.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The attachment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without a device; <c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>,
    /// <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>; <c>IncorrectInstanceState</c> for an instance
    /// neither running nor stopped; <c>VolumeInUse</c> for a volume attached already; <c>IncorrectState</c> for a volume
    /// otherwise not available; <c>InvalidVolume.ZoneMismatch</c>; <c>InvalidParameterValue</c> for a device in use on the instance.
    /// </exception>
    public async ValueTask<AttachVolumeResponse> AttachVolumeAsync(AttachVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Device))
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter device.");
        }

        return new AttachVolumeResponse { Attachment = await _engine.CommitAsync(nameof(AttachVolumeAsync), m =>
        {
            var volume = FindVolume(m.World, request.VolumeId);
            var instance = FindInstance(m.World, request.InstanceId);
            CheckRunningOrStopped(instance, m.Now);
            if (volume.View.State == VolumeState.InUse)
            {
                throw new EbsException(EbsErrorCodes.VolumeInUse, $"{volume.Id} is already attached to an instance", volume.Id.Value);
            }

            if (volume.View.State != VolumeState.Available)
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"{volume.Id} is not 'available'.", volume.Id.Value);
            }

            if (volume.View.AvailabilityZone != instance.AvailabilityZone)
            {
                throw new EbsException(EbsErrorCodes.InvalidVolumeZoneMismatch, $"The volume '{volume.Id}' is not in the same availability zone as instance '{instance.InstanceId}'", volume.Id.Value);
            }

            if (Instances.VolumesOf(m.World, instance.InstanceId).Any(v => v.View.Attachments[0].Device == request.Device))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Invalid value '{request.Device}' for unixDevice. Attachment point {request.Device} is already in use", request.Device);
            }

            var attachment = new VolumeAttachment
            {
                VolumeId = volume.Id,
                InstanceId = instance.InstanceId,
                Device = request.Device,
                State = VolumeAttachmentState.Attaching,
                AttachTime = m.Now,
            };
            m.SetVolume(volume with { View = volume.View with { State = VolumeState.InUse, Attachments = ValueList<VolumeAttachment>.From([attachment]) } });
            m.Schedule(m.Now + VolumeAttachment.TransitionTime, Instances.AttachedEffect, volume.Id.Value);
            return attachment;
        }, null, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// Detaches an attached volume from its running or stopped instance: the attachment is <c>detaching</c>, and five
    /// seconds later the volume is <c>available</c> without attachments. The root volume detaches only from a stopped
    /// instance.
    /// </summary>
    /// <param name="request">The volume, and optionally the instance and device it must be attached as.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The attachment, <c>detaching</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>, <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>;
    /// <c>IncorrectState</c> for a volume not attached (or still attaching, or detaching), or the root volume of an instance not stopped;
    /// <c>InvalidAttachment.NotFound</c> when it is attached to another instance or as another device;
    /// <c>IncorrectInstanceState</c> for an instance neither running nor stopped.
    /// </exception>
    public async ValueTask<DetachVolumeResponse> DetachVolumeAsync(DetachVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DetachVolumeResponse { Attachment = await _engine.CommitAsync(nameof(DetachVolumeAsync), m =>
        {
            var volume = FindVolume(m.World, request.VolumeId);
            var named = request.InstanceId is { } id ? FindInstance(m.World, id) : null;
            if (volume.View.Attachments is not [{ State: VolumeAttachmentState.Attached } attachment])
            {
                var state = volume.View.Attachments is [var a] ? a.State.ToAwsString() : volume.View.State.ToAwsString();
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Volume '{volume.Id}' is in the '{state}' state.", volume.Id.Value);
            }

            if ((named is not null && named.InstanceId != attachment.InstanceId) || (request.Device is { } device && device != attachment.Device))
            {
                throw new EbsException(EbsErrorCodes.InvalidAttachmentNotFound, $"The volume '{volume.Id}' is not attached to instance '{named?.InstanceId ?? attachment.InstanceId}' as '{request.Device ?? attachment.Device}'.", volume.Id.Value);
            }

            var instance = m.World.Instances[attachment.InstanceId];
            var instanceState = CheckRunningOrStopped(instance, m.Now);
            if (attachment.Device == instance.RootDeviceName && instanceState != InstanceStateName.Stopped)
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Unable to detach root volume '{volume.Id}' from instance '{instance.InstanceId}'", volume.Id.Value);
            }

            var detaching = attachment with { State = VolumeAttachmentState.Detaching };
            m.SetVolume(volume with { View = volume.View with { Attachments = ValueList<VolumeAttachment>.From([detaching]) } });
            m.Schedule(m.Now + VolumeAttachment.TransitionTime, Instances.DetachedEffect, volume.Id.Value);
            return detaching;
        }, null, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The instance's state, which must be running or stopped for attaching and detaching.</summary>
    private static InstanceStateName CheckRunningOrStopped(InstanceRecord instance, DateTimeOffset now)
    {
        var state = instance.StateAt(now);
        return state is InstanceStateName.Running or InstanceStateName.Stopped
            ? state
            : throw new EbsException(EbsErrorCodes.IncorrectInstanceState, $"Instance '{instance.InstanceId}' is not 'running' or 'stopped': it is '{state.ToAwsString()}'.", instance.InstanceId.Value);
    }
}
