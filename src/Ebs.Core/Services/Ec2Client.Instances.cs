using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    private static readonly ResourceType[] LaunchTagTypes = [ResourceType.Instance, ResourceType.Volume];

    /// <summary>
    /// Launches <see cref="RunInstancesRequest.MaxCount"/> instances of an available image the caller may launch (its own,
    /// one shared with it, a public one, or one of the provider catalogue's) into one Availability Zone; the instances and
    /// their volumes are the caller's. Each gets one volume per block device mapping of the image, created from the mapping's
    /// snapshot as CreateVolume creates one (lazily loaded, or fully initialized with a Fast Snapshot Restore credit),
    /// of the mapping's type, size, IOPS and throughput as the request's mapping of the device changes them,
    /// and attached at once as the mapping's device. Instances are <c>pending</c>, then <c>running</c>
    /// <see cref="InstanceRecord.TransitionTime"/> later. Volumes are encrypted as AWS launches them: an encrypted snapshot of the
    /// caller's with its key, another account's with the caller's default key, an unencrypted one when the request's mapping asks
    /// (<see cref="LaunchEbsBlockDevice.Encrypted"/>) or by default; a <see cref="LaunchEbsBlockDevice.KmsKeyId"/> re-encrypts with that key.
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The reservation of the new instances.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, a mapping or a tag specification is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for MinCount below 1, MaxCount below MinCount, or bad tags; <c>InvalidZone.NotFound</c>;
    /// <c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>AuthFailure</c> for another account's image not shared with the caller;
    /// <c>InvalidAMIID.Unavailable</c> for a pending image, or one deregistered into the Recycle Bin;
    /// <c>InvalidBlockDeviceMapping</c> for a device given twice or not in the image, a size below the snapshot's or above 65,536 GiB,
    /// or st1 or sc1 as the root device; <c>InvalidParameterValue</c>, <c>InvalidParameterCombination</c> or <c>MissingParameter</c>
    /// for a volume type, size, IOPS or throughput outside the type's limits (as CreateVolume); <c>InvalidParameterDependency</c> for a KMS key
    /// without <c>Encrypted</c>; <c>InvalidParameterValue</c> for a KMS key that does not exist or is not accessible; <c>InvalidKMSKey.InvalidState</c>
    /// when a snapshot's key or the chosen key is disabled, pending deletion or deleted, or when the image is another account's and a
    /// snapshot's customer managed key is not granted to the caller.
    /// </exception>
    public async ValueTask<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MinCount < 1)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Value ({request.MinCount}) for parameter minCount is invalid. Expecting a value greater than 0.");
        }

        if (request.MaxCount < request.MinCount)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Value ({request.MaxCount}) for parameter maxCount is invalid. Expecting a value greater than or equal to minCount ({request.MinCount}).");
        }

        var zone = request.Placement?.AvailabilityZone is { } placed ? CheckZone(placed) : _engine.Regions[Region][0];
        var overrides = request.BlockDeviceMappings ?? [];
        CheckMappingChanges(overrides);
        foreach (var change in overrides)
        {
            CheckEncryptionParameters(change.Ebs?.Encrypted, change.Ebs?.KmsKeyId);
        }

        var instanceTags = TagList.Of(TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Instance, LaunchTagTypes));
        var volumeTags = TagList.Of(TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Volume, LaunchTagTypes));

        // A provider image's root snapshot is stored by its first launch: its one block is staged here.
        var provider = _engine.ProviderImages.Find(request.ImageId) is { } catalogued ? _engine.ProviderImages.Unstored(_engine.World, catalogued) : null;
        var staged = provider is { } unstored ? new Dictionary<Chunks.ChunkId, ReadOnlyMemory<byte>> { [unstored.Chunk] = unstored.Bytes } : null;
        return new RunInstancesResponse { Reservation = await _engine.CommitAsync(nameof(RunInstancesAsync), async m =>
        {
            var image = FindUsableImage(m.World, request.ImageId, launching: true);
            if (image.ViewAt(m.Now).State != ImageState.Available)
            {
                throw new EbsException(EbsErrorCodes.InvalidAmiIdUnavailable, $"Image '{image.Id}' is not available: it is {image.ViewAt(m.Now).State.ToAwsString()}.", image.Id.Value);
            }

            if (provider is { } root)
            {
                // Within this commit: a refusal below discards it with the rest.
                _engine.ProviderImages.Materialize(m, _engine.Map, image, root.Chunk);
            }

            var devices = LaunchDevices(m.World, image, overrides);
            var data = new List<(string? KeyArn, BlockMaps.NodeId? Root)>(devices.Count);
            foreach (var device in devices)
            {
                // Once per device, whatever the count: every instance's volume shares the (re-encrypted) map.
                data.Add(await VolumeDataAsync(m, device.Snapshot, device.Change?.Encrypted, device.Change?.KmsKeyId, cancellationToken).ConfigureAwait(false));
            }

            var records = new List<InstanceRecord>();
            for (var index = 0; index < request.MaxCount; index++)
            {
                var id = _engine.Ids.Next<InstanceId>(m.World.Instances.ContainsKey);
                var record = new InstanceRecord
                {
                    InstanceId = id,
                    ReservationId = records.Count == 0 ? "r-" + id.Value[InstanceId.Prefix.Length..] : records[0].ReservationId,
                    OwnerId = AccountId,
                    Region = Region,
                    AvailabilityZone = zone,
                    ImageId = image.Id,
                    AmiLaunchIndex = index,
                    RootDeviceType = image.View.RootDeviceType,
                    RootDeviceName = image.View.RootDeviceName,
                    LaunchTime = m.Now,
                    State = InstanceStateName.Running,
                    SettlesAt = m.Now + InstanceRecord.TransitionTime,
                    Tags = instanceTags,
                };
                m.Set(RecordKinds.Instance, record);
                records.Add(record);
                foreach (var ((device, snapshot, _, sizeGiB, deleteOnTermination, (volumeType, iops, throughput)), (keyArn, map)) in devices.Zip(data))
                {
                    var volume = CreateVolumeRecord(m, zone, sizeGiB, snapshot, volumeTags, volumeType, iops, throughput, keyArn, map);
                    var attachment = new VolumeAttachment
                    {
                        VolumeId = volume.Id,
                        InstanceId = id,
                        Device = device,
                        State = VolumeAttachmentState.Attached,
                        AttachTime = m.Now,
                        DeleteOnTermination = deleteOnTermination,
                    };
                    m.SetVolume(volume with { View = volume.View with { State = VolumeState.InUse, Attachments = ValueList<VolumeAttachment>.From([attachment]) } });
                }
            }

            return ReservationOf(m.World, records, m.Now);
        }, staged, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Describes the caller's instances in this Region, one page at a time; terminated ones for an hour after they terminate, as AWS.</summary>
    /// <param name="request">Ids, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching instances, grouped by reservation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidInstanceID.NotFound</c> for a listed id that does not exist; <c>InvalidInstanceID.Malformed</c>;
    /// <c>InvalidParameterValue</c> for an unknown filter or MaxResults below 5; <c>InvalidParameterCombination</c> for
    /// MaxResults or NextToken with InstanceIds; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var ids = request.InstanceIds ?? [];
        Filter.Validate(request.Filters, name => InstanceFilterValues(name, null, null));
        Pagination.Validate(nameof(DescribeInstancesAsync), request.MaxResults, request.NextToken, ids.Count > 0, idsForbidPaging: true);
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindInstance(world, id))
            : world.Instances.Values.Where(i => i.OwnerId == AccountId && i.Region == Region);
        var attachments = Instances.AttachmentsByInstance(world, AccountId, Region);
        var matching = candidates
            .Select(i => (Record: i, View: i.ViewAt(now, attachments[i.InstanceId])))
            .Where(i => Filter.MatchesAll(request.Filters, name => InstanceFilterValues(name, i.Record, i.View)))
            .OrderBy(i => PageKey(i.Record), StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(DescribeInstancesAsync), matching, i => PageKey(i.Record), request.MaxResults, request.NextToken);
        var reservations = page
            .GroupBy(i => i.Record.ReservationId)
            .Select(g => new Reservation { ReservationId = g.Key, OwnerId = AccountId, Instances = ValueList<Instance>.From(g.Select(i => i.View)) });
        return new DescribeInstancesResponse { Reservations = ValueList<Reservation>.From(reservations), NextToken = next };
    }

    /// <summary>
    /// Stops running EBS-backed instances: <c>stopping</c>, then <c>stopped</c> <see cref="InstanceRecord.TransitionTime"/> later.
    /// Their volumes stay attached. An instance already stopping or stopped is reported unchanged.
    /// </summary>
    /// <param name="request">The instances.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>Each instance's state before and after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without ids; <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>;
    /// <c>IncorrectInstanceState</c> for an instance pending, shutting down or terminated; <c>UnsupportedOperation</c> for an
    /// instance-store-backed instance (then no instance changes).
    /// </exception>
    public ValueTask<StopInstancesResponse> StopInstancesAsync(StopInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeStatesAsync(nameof(StopInstancesAsync), request.InstanceIds, "stopped", InstanceStateName.Stopped,
            state => state is InstanceStateName.Running ? true : state is InstanceStateName.Stopping or InstanceStateName.Stopped ? false : null,
            changes => new StopInstancesResponse { StoppingInstances = changes }, cancellationToken);
    }

    /// <summary>
    /// Starts stopped instances: <c>pending</c>, then <c>running</c> <see cref="InstanceRecord.TransitionTime"/> later, with a new
    /// launch time. An instance already pending or running is reported unchanged.
    /// </summary>
    /// <param name="request">The instances.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>Each instance's state before and after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without ids; <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>;
    /// <c>IncorrectInstanceState</c> for an instance stopping, shutting down or terminated (then no instance changes).
    /// </exception>
    public ValueTask<StartInstancesResponse> StartInstancesAsync(StartInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeStatesAsync(nameof(StartInstancesAsync), request.InstanceIds, "started", InstanceStateName.Running,
            state => state is InstanceStateName.Stopped ? true : state is InstanceStateName.Pending or InstanceStateName.Running ? false : null,
            changes => new StartInstancesResponse { StartingInstances = changes }, cancellationToken);
    }

    /// <summary>
    /// Terminates instances: <c>shutting-down</c>, then <c>terminated</c> <see cref="InstanceRecord.TransitionTime"/> later. At that
    /// instant the volumes attached with DeleteOnTermination are deleted (their blocks freed unless snapshots hold them) and the
    /// others detached and available. Terminated instances stay describable for an hour, then are gone (<c>InvalidInstanceID.NotFound</c>). An instance already shutting down or terminated is
    /// reported unchanged.
    /// </summary>
    /// <param name="request">The instances.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>Each instance's state before and after.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>MissingParameter</c> without ids; <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>.</exception>
    public ValueTask<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeStatesAsync(nameof(TerminateInstancesAsync), request.InstanceIds, "terminated", InstanceStateName.Terminated,
            state => state is not (InstanceStateName.ShuttingDown or InstanceStateName.Terminated),
            changes => new TerminateInstancesResponse { TerminatingInstances = changes }, cancellationToken);
    }

    /// <summary>Reboots running instances; they stay <c>running</c> and keep their volumes and launch time.</summary>
    /// <param name="request">The instances.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without ids; <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>;
    /// <c>IncorrectInstanceState</c> for an instance not running.
    /// </exception>
    public async ValueTask<RebootInstancesResponse> RebootInstancesAsync(RebootInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ChangeStatesAsync(nameof(RebootInstancesAsync), request.InstanceIds, "rebooted", InstanceStateName.Running,
            state => state is InstanceStateName.Running ? false : null, changes => changes, cancellationToken).ConfigureAwait(false);
        return new RebootInstancesResponse();
    }

    /// <summary>
    /// Moves every listed instance toward <paramref name="target"/> where <paramref name="accepts"/> says <see langword="true"/>,
    /// leaves it where it says <see langword="false"/>, and refuses the whole call where it says <see langword="null"/>.
    /// </summary>
    private async ValueTask<TResponse> ChangeStatesAsync<TResponse>(
        string operation,
        IReadOnlyList<InstanceId>? ids,
        string verb,
        InstanceStateName target,
        Func<InstanceStateName, bool?> accepts,
        Func<ValueList<InstanceStateChange>, TResponse> respond,
        CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter InstanceId.");
        }

        var changes = await _engine.CommitAsync(operation, m =>
        {
            var found = ids.Distinct().Select(id => FindInstance(m.World, id)).ToList();
            var moves = new List<(InstanceRecord Record, InstanceStateName Before, bool Moves)>();
            foreach (var instance in found)
            {
                if (target == InstanceStateName.Stopped && instance.RootDeviceType != DeviceType.Ebs)
                {
                    throw new EbsException(EbsErrorCodes.UnsupportedOperation, $"The instance '{instance.InstanceId}' does not have an 'ebs' root device type and cannot be stopped.", instance.InstanceId.Value);
                }

                var before = instance.StateAt(m.Now);
                if (accepts(before) is not { } moves1)
                {
                    throw new EbsException(EbsErrorCodes.IncorrectInstanceState, $"The instance '{instance.InstanceId}' is not in a state from which it can be {verb}.", instance.InstanceId.Value);
                }

                moves.Add((instance, before, moves1));
            }

            return moves.Select(move =>
            {
                var after = move.Record;
                if (move.Moves)
                {
                    after = move.Record.Heading(target, m.Now);
                    m.Set(RecordKinds.Instance, after);
                    if (target == InstanceStateName.Terminated)
                    {
                        m.Schedule(after.SettlesAt, Instances.TerminatedEffect, after.InstanceId.Value);
                    }
                }

                return new InstanceStateChange
                {
                    InstanceId = after.InstanceId,
                    PreviousState = InstanceState.Of(move.Before),
                    CurrentState = InstanceState.Of(after.StateAt(m.Now)),
                };
            }).ToList();
        }, null, cancellationToken).ConfigureAwait(false);
        return respond(ValueList<InstanceStateChange>.From(changes));
    }

    /// <summary>
    /// Checks the mapping changes of RunInstances or CreateImage: each names a device once, and either changes its
    /// volume (<see cref="LaunchBlockDeviceMapping.Ebs"/>) or suppresses it (<see cref="LaunchBlockDeviceMapping.NoDevice"/>).
    /// </summary>
    private static void CheckMappingChanges(IReadOnlyList<LaunchBlockDeviceMapping> changes)
    {
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change);
            if ((change.Ebs is null) == (change.NoDevice is null))
            {
                throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"The mapping of {change.DeviceName} must either change its volume (Ebs) or suppress it (NoDevice).");
            }
        }

        if (changes.Select(o => o.DeviceName).Distinct(StringComparer.Ordinal).Count() != changes.Count)
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, "The block device mappings must name each device once.");
        }
    }

    /// <summary>Refuses a NoDevice of the root device: an instance boots from it (the code is UNCONFIRMED; AWS documents none).</summary>
    private static bool Suppressed(IReadOnlyList<LaunchBlockDeviceMapping> changes, string device, string rootDevice)
    {
        if (changes.FirstOrDefault(o => o.DeviceName == device) is not { NoDevice: not null })
        {
            return false;
        }

        return device != rootDevice
            ? true
            : throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"The root device {device} cannot be suppressed with NoDevice.");
    }

    /// <summary>
    /// The device, snapshot, change, size, DeleteOnTermination and type (with IOPS and throughput) of each volume a launch of
    /// <paramref name="image"/> creates: the image's mapping, changed (or, with NoDevice, left out) by the request's mapping of the same device.
    /// </summary>
    private List<(string Device, SnapshotRecord Snapshot, LaunchEbsBlockDevice? Change, int SizeGiB, bool DeleteOnTermination, (VolumeType Type, int? Iops, int? Throughput) Volume)> LaunchDevices(
        World world, ImageRecord image, IReadOnlyList<LaunchBlockDeviceMapping> overrides)
    {
        if (overrides.FirstOrDefault(o => !image.View.BlockDeviceMappings.Any(b => b.DeviceName == o.DeviceName)) is { } unknown)
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"The device '{unknown.DeviceName}' is not in the block device mappings of image '{image.Id}'.", image.Id.Value);
        }

        return [.. image.View.BlockDeviceMappings.Where(mapping => !Suppressed(overrides, mapping.DeviceName, image.View.RootDeviceName)).Select(mapping =>
        {
            var change = overrides.FirstOrDefault(o => o.DeviceName == mapping.DeviceName)?.Ebs;
            // The image's owner's snapshot: launching needs the image's launch permission only, not the snapshot's.
            var snapshot = world.Snapshots.GetValueOrDefault(mapping.Ebs.SnapshotId)
                ?? throw new EbsException(EbsErrorCodes.InvalidSnapshotNotFound, $"The snapshot '{mapping.Ebs.SnapshotId}' does not exist.", mapping.Ebs.SnapshotId.Value);
            var size = change?.VolumeSize ?? mapping.Ebs.VolumeSize ?? snapshot.VolumeSizeGiB;
            if (size < snapshot.VolumeSizeGiB)
            {
                throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"Volume of size {size}GB is smaller than snapshot '{snapshot.Id}', expect size >= {snapshot.VolumeSizeGiB}GB", snapshot.Id.Value);
            }

            if (size > MaxVolumeSizeGiB)
            {
                throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"Volume of size {size}GB for {mapping.DeviceName} is above {MaxVolumeSizeGiB}GB.", snapshot.Id.Value);
            }

            var volume = MappedVolume.Settle(mapping.DeviceName, mapping.DeviceName == image.View.RootDeviceName,
                mapping.Ebs.VolumeType, mapping.Ebs.Iops, mapping.Ebs.Throughput, change, size);
            return (mapping.DeviceName, snapshot, change, size, change?.DeleteOnTermination ?? mapping.Ebs.DeleteOnTermination, volume);
        })];
    }

    private Reservation ReservationOf(World world, List<InstanceRecord> records, DateTimeOffset now)
    {
        var attachments = Instances.AttachmentsByInstance(world, AccountId, Region);
        return new Reservation
        {
            ReservationId = records[0].ReservationId,
            OwnerId = AccountId,
            Instances = ValueList<Instance>.From(records.Select(r => r.ViewAt(now, attachments[r.InstanceId]))),
        };
    }

    /// <summary>Finds an instance of the caller's in this Region, terminated ones included until they disappear.</summary>
    private InstanceRecord FindInstance(World world, InstanceId id)
    {
        CheckWellFormed(id.Value, InstanceId.Prefix, EbsErrorCodes.InvalidInstanceIdMalformed);
        return world.Instances.TryGetValue(id, out var instance) && instance.OwnerId == AccountId && instance.Region == Region
            ? instance
            : throw new EbsException(EbsErrorCodes.InvalidInstanceIdNotFound, $"The instance ID '{id}' does not exist", id.Value);
    }

    /// <summary>Orders instances by reservation, then id, so that a page keeps a reservation's instances together.</summary>
    private static string PageKey(InstanceRecord instance) => instance.ReservationId + "/" + instance.InstanceId.Value;

    private static IEnumerable<string>? InstanceFilterValues(string name, InstanceRecord? r, Instance? i) => name switch
    {
        "instance-id" => i is null ? [] : [i.InstanceId.Value],
        "instance-state-name" => i is null ? [] : [i.State.Name.ToAwsString()],
        "instance-state-code" => i is null ? [] : [i.State.Code.ToString(CultureInfo.InvariantCulture)],
        "image-id" => i is null ? [] : [i.ImageId.Value],
        "availability-zone" => i is null ? [] : [i.Placement.AvailabilityZone!],
        "reservation-id" => r is null ? [] : [r.ReservationId],
        "root-device-type" => i is null ? [] : [i.RootDeviceType.ToAwsString()],
        "block-device-mapping.volume-id" => i is null ? [] : i.BlockDeviceMappings.Select(b => b.Ebs.VolumeId.Value),
        _ => Filter.TagValues(name, i?.Tags ?? TagList.Empty),
    };
}
