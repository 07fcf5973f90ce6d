using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Creates a crash-consistent set of snapshots of an instance's attached volumes, all captured
    /// at one instant (in one commit): each as CreateSnapshot creates one. When the instance has a
    /// quiesce hook (see <see cref="QuiesceHooks"/>) it runs around the capture and the set is
    /// <see cref="SnapshotConsistency.ApplicationConsistent"/>.
    /// </summary>
    /// <param name="request">The instance, which volumes, the description and tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new snapshots, by device.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its specification is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>; <c>IncorrectInstanceState</c> for an instance
    /// neither running nor stopped; <c>InvalidParameterValue</c> for a long description, bad tags, an undefined
    /// CopyTagsFromSource, or no volume left to capture; <c>ConcurrentSnapshotLimitExceeded</c>; <c>QuiesceHookFailed</c>.
    /// </exception>
    public async ValueTask<CreateSnapshotsResponse> CreateSnapshotsAsync(CreateSnapshotsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = request.InstanceSpecification;
        ArgumentNullException.ThrowIfNull(spec, nameof(request));
        var description = request.Description ?? string.Empty;
        CheckDescription(description);
        if (request.CopyTagsFromSource is { } copy)
        {
            CheckDefined(copy);
        }

        var tags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Snapshot);
        var hook = _engine.QuiesceHooks.Find(spec.InstanceId.Value);
        var consistency = hook is null ? SnapshotConsistency.CrashConsistent : SnapshotConsistency.ApplicationConsistent;

        // Refuse what the capture would refuse before the hook quiesces anything.
        SnapshotSet(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), _engine.Time.GetUtcNow(), spec);
        var infos = await QuiesceHooks.AroundAsync(hook, spec.InstanceId.Value, () => _engine.CommitAsync(nameof(CreateSnapshotsAsync), m =>
            SnapshotSet(m.World, m.Now, spec).Select(volume =>
            {
                var own = request.CopyTagsFromSource is null ? tags : volume.View.Tags.Aggregate(tags, (all, tag) => all.ContainsKey(tag.Key) ? all : all.Add(tag.Key, tag.Value ?? string.Empty));
                var snapshot = TakeSnapshot(m, volume, description, own, consistency).ViewAt(m.Now, _engine.BlockSize);
                return new SnapshotInfo
                {
                    SnapshotId = snapshot.SnapshotId,
                    VolumeId = snapshot.VolumeId,
                    VolumeSize = snapshot.VolumeSize,
                    Description = snapshot.Description,
                    State = snapshot.State,
                    Progress = snapshot.Progress,
                    StartTime = snapshot.StartTime,
                    OwnerId = snapshot.OwnerId,
                    Tags = snapshot.Tags,
                    Consistency = snapshot.Consistency,
                };
            }).ToList(), null, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new CreateSnapshotsResponse { Snapshots = ValueList<SnapshotInfo>.From(infos) };
    }

    /// <summary>The volumes of a CreateSnapshots set at <paramref name="now"/>, by device.</summary>
    internal List<VolumeRecord> SnapshotSet(World world, DateTimeOffset now, InstanceSpecification spec)
    {
        var (instance, volumes) = CapturableVolumes(world, now, spec.InstanceId);
        var set = volumes
            .Where(v => v.Attachment.Device == instance.RootDeviceName ? !spec.ExcludeBootVolume : !spec.ExcludeDataVolumes)
            .Select(v => v.Volume)
            .ToList();
        return set.Count > 0
            ? set
            : throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"No volume of instance '{spec.InstanceId}' is left to snapshot.", spec.InstanceId.Value);
    }
}
