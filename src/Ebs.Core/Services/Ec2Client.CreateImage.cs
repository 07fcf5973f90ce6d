using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    private static readonly ResourceType[] CreateImageTagTypes = [ResourceType.Image, ResourceType.Snapshot];

    /// <summary>
    /// Creates an EBS-backed image of an instance: one snapshot of each attached volume, all taken
    /// at one instant, each described as AWS describes them (<c>Created by CreateImage(i-…) for ami-… from vol-…</c>),
    /// and the image registered over them with the instance's root device name and each volume's
    /// device, size, type (with provisioned IOPS and throughput) and DeleteOnTermination (which, all but the size, <see cref="CreateImageRequest.BlockDeviceMappings"/> may change). The image is <see cref="ImageState.Pending"/> until the
    /// snapshots complete. Without <see cref="CreateImageRequest.NoReboot"/> a running instance is
    /// rebooted (it stays running) and the instance's quiesce hook runs around the capture: the
    /// snapshots and image are <see cref="SnapshotConsistency.ApplicationConsistent"/>; with it they
    /// are <see cref="SnapshotConsistency.CrashConsistent"/>.
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new image's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or a mapping is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>; <c>IncorrectInstanceState</c> for an instance
    /// neither running nor stopped; <c>UnsupportedOperation</c> for an instance-store-backed instance; <c>InvalidAMIName.Malformed</c>,
    /// <c>InvalidAMIName.Duplicate</c>; <c>InvalidParameterValue</c> for a long description or bad tags; <c>InvalidBlockDeviceMapping</c>
    /// for a device given twice or not attached, a size other than the volume's, an encryption change, or st1 or sc1 as the root device; <c>InvalidParameterValue</c>,
    /// <c>InvalidParameterCombination</c> or <c>MissingParameter</c> for a changed type, IOPS or throughput outside the type's limits;
    /// <c>ConcurrentSnapshotLimitExceeded</c>; <c>QuiesceHookFailed</c> when the hook's pre callback throws (then nothing changes).
    /// </exception>
    public async ValueTask<CreateImageResponse> CreateImageAsync(CreateImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckImageName(request.Name);
        CheckDescription(request.Description);
        var overrides = request.BlockDeviceMappings ?? [];
        CheckMappingChanges(overrides);

        var imageTags = TagList.Of(TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Image, CreateImageTagTypes));
        var snapshotTags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Snapshot, CreateImageTagTypes);
        var consistency = request.NoReboot ? SnapshotConsistency.CrashConsistent : SnapshotConsistency.ApplicationConsistent;
        var hook = request.NoReboot ? null : _engine.QuiesceHooks.Find(request.InstanceId.Value);

        // Refuse what the capture would refuse before the hook quiesces anything.
        PlanImage(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), _engine.Time.GetUtcNow(), request, overrides);
        var imageId = await QuiesceHooks.AroundAsync(hook, request.InstanceId.Value, () => _engine.CommitAsync(nameof(CreateImageAsync), m =>
            CaptureImage(m, request, overrides, imageTags, snapshotTags, consistency), null, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new CreateImageResponse { ImageId = imageId };
    }

    /// <summary>Captures an instance as a new pending image within <paramref name="m"/>: a snapshot of each attached volume, the image over them.</summary>
    /// <exception cref="EbsException">What <see cref="CreateImageAsync"/> documents for the instance, its name and mappings.</exception>
    internal ImageId CaptureImage(
        Mutation m,
        CreateImageRequest request,
        IReadOnlyList<LaunchBlockDeviceMapping> overrides,
        TagList imageTags,
        System.Collections.Immutable.ImmutableSortedDictionary<string, string> snapshotTags,
        SnapshotConsistency consistency)
    {
        var (instance, devices) = PlanImage(m.World, m.Now, request, overrides);
        var id = _engine.Ids.Next<ImageId>(m.World.Images.ContainsKey);
        var mappings = new List<BlockDeviceMapping>();
        var availableAt = m.Now;
        foreach (var (volume, device, sizeGiB, deleteOnTermination, (volumeType, iops, throughput)) in devices)
        {
            var description = string.Create(CultureInfo.InvariantCulture, $"Created by CreateImage({instance.InstanceId}) for {id} from {volume.Id}");
            var snapshot = TakeSnapshot(m, volume, description, snapshotTags, consistency);
            availableAt = availableAt > snapshot.CompletesAt ? availableAt : snapshot.CompletesAt;
            mappings.Add(new BlockDeviceMapping
            {
                DeviceName = device,
                Ebs = new EbsBlockDevice
                {
                    SnapshotId = snapshot.Id,
                    VolumeSize = sizeGiB,
                    DeleteOnTermination = deleteOnTermination,
                    VolumeType = volumeType,
                    Iops = iops,
                    Throughput = throughput,
                    Encrypted = snapshot.KmsKeyId is not null,
                    KmsKeyId = snapshot.KmsKeyId,
                },
            });
        }

        // The reboot leaves a running instance running, with its volumes and launch time: nothing to store.
        var source = m.World.Images.GetValueOrDefault(instance.ImageId)?.View;
        m.SetImage(new ImageRecord
        {
            View = new Image
            {
                ImageId = id,
                OwnerId = AccountId,
                Region = Region,
                Name = request.Name,
                Description = request.Description ?? string.Empty,
                State = ImageState.Pending,
                Architecture = source?.Architecture ?? ArchitectureValues.X86_64,
                VirtualizationType = source?.VirtualizationType ?? VirtualizationType.Hvm,
                BootMode = source?.BootMode,
                RootDeviceName = instance.RootDeviceName,
                RootDeviceType = DeviceType.Ebs,
                BlockDeviceMappings = ValueList<BlockDeviceMapping>.From(mappings),
                CreationDate = m.Now,
                Tags = imageTags,
                Consistency = consistency,
            },
            AvailableAt = availableAt,
        });
        return id;
    }

    /// <summary>Checks a CreateImage request against <paramref name="world"/> at <paramref name="now"/>: the instance and, by device, each attached volume's mapping.</summary>
    private (InstanceRecord Instance, List<(VolumeRecord Volume, string Device, int SizeGiB, bool DeleteOnTermination, (VolumeType Type, int? Iops, int? Throughput) Mapped)> Devices) PlanImage(
        World world, DateTimeOffset now, CreateImageRequest request, IReadOnlyList<LaunchBlockDeviceMapping> overrides)
    {
        var (instance, volumes) = CapturableVolumes(world, now, request.InstanceId);
        if (instance.RootDeviceType != DeviceType.Ebs)
        {
            throw new EbsException(EbsErrorCodes.UnsupportedOperation, $"The instance '{instance.InstanceId}' does not have an 'ebs' root device type: CreateImage makes EBS-backed images only.", instance.InstanceId.Value);
        }

        CheckNameFree(world, request.Name);
        if (overrides.FirstOrDefault(o => !volumes.Any(v => v.Attachment.Device == o.DeviceName)) is { } unknown)
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"No volume is attached to instance '{instance.InstanceId}' as '{unknown.DeviceName}'.", instance.InstanceId.Value);
        }

        return (instance, [.. volumes.Where(v => !Suppressed(overrides, v.Attachment.Device, instance.RootDeviceName)).Select(v =>
        {
            var change = overrides.FirstOrDefault(o => o.DeviceName == v.Attachment.Device)?.Ebs;
            var size = v.Volume.View.Size;
            if (change?.VolumeSize is { } other && other != size)
            {
                // API_CreateImage: "You can't change the volume size using the VolumeSize parameter."
                throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"The size of {v.Attachment.Device} cannot be changed by CreateImage ({other}GB asked, the volume has {size}GB): modify the volume first.", v.Volume.Id.Value);
            }

            if (change is { Encrypted: not null } or { KmsKeyId: not null })
            {
                // API_CreateImage: "You can't modify the encryption status of existing volumes or snapshots"; the code is UNCONFIRMED.
                throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"The encryption of {v.Attachment.Device} cannot be changed by CreateImage: copy the image with Encrypted and KmsKeyId instead.", v.Volume.Id.Value);
            }

            var view = v.Volume.View;
            var (type, iops, throughput) = MappedVolume.Settle(v.Attachment.Device, v.Attachment.Device == instance.RootDeviceName, view.VolumeType, view.Iops, view.Throughput, change, size);
            var (keptIops, keptThroughput) = MappedVolume.Provisioned(type, iops, throughput);
            return (v.Volume, v.Attachment.Device, size, change?.DeleteOnTermination ?? v.Attachment.DeleteOnTermination, (type, keptIops, keptThroughput));
        })]);
    }

    /// <summary>
    /// The instance and its attached volumes, by device, for CreateImage and CreateSnapshots:
    /// the instance must be running or stopped at <paramref name="now"/> (AWS's IncorrectInstanceState otherwise).
    /// </summary>
    private (InstanceRecord Instance, List<(VolumeRecord Volume, VolumeAttachment Attachment)> Volumes) CapturableVolumes(World world, DateTimeOffset now, InstanceId instanceId)
    {
        var instance = FindInstance(world, instanceId);
        var state = instance.StateAt(now);
        if (state is not (InstanceStateName.Running or InstanceStateName.Stopped))
        {
            throw new EbsException(EbsErrorCodes.IncorrectInstanceState, $"The instance '{instanceId}' is not in a state from which it can be captured: it is {state.ToAwsString()}.", instanceId.Value);
        }

        return (instance, [.. Instances.VolumesOf(world, instanceId)
            .Select(v => (Volume: v, Attachment: v.View.Attachments[0]))
            .Where(v => v.Attachment.State == VolumeAttachmentState.Attached)
            .OrderBy(v => v.Attachment.Device, StringComparer.Ordinal)]);
    }
}
