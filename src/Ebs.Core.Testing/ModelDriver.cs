using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Testing;

/// <summary>
/// Runs operations on a cloud and, when they succeed, on a <see cref="ReferenceModel"/> side by side,
/// through a <see cref="CallRecorder"/>: a call the model says must be refused is checked to be
/// refused with the right code and to change nothing, and a result the model contradicts throws
/// <see cref="InvariantViolationException"/> with the script so far. The model is of
/// <see cref="TestCloud.Account"/> in <see cref="TestCloud.Region"/>, which shares with <see cref="Recipient"/>.
/// </summary>
/// <param name="cloud">The cloud.</param>
/// <param name="time">The cloud's clock.</param>
/// <param name="model">The model, as the cloud is now.</param>
public sealed class ModelDriver(EbsCloud cloud, FakeTimeProvider time, ReferenceModel model)
{
    /// <summary>The account snapshots are shared with, which copies them.</summary>
    public const string Recipient = "222222222222";

    private string _step = string.Empty;

    /// <summary>Gets the recorder every step goes through.</summary>
    public CallRecorder Recorder { get; } = new(cloud);

    /// <summary>Gets or sets the cloud (set it again after reopening a durable cloud).</summary>
    public EbsCloud Cloud
    {
        get => Recorder.Cloud;
        set => Recorder.Cloud = value;
    }

    /// <summary>Gets the model.</summary>
    public ReferenceModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>
    /// Gets a value indicating whether each new snapshot's incremental size is checked against
    /// the model; not when the model is patched from the cloud after a fault, which loses the lineage.
    /// </summary>
    public bool ChecksIncrementalSize { get; init; }

    /// <summary>Gets EC2 for <see cref="TestCloud.Account"/> in <see cref="TestCloud.Region"/>.</summary>
    public Ec2Client Ec2 => Cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

    private Ec2Client RecipientEc2 => Cloud.Account(Recipient).Ec2(TestCloud.Region);

    /// <summary>The Region the owner copies snapshots into.</summary>
    public const string DisasterRecoveryRegion = "ap-south-1";

    private Ec2Client DisasterRecoveryEc2 => Cloud.Account(TestCloud.Account).Ec2(DisasterRecoveryRegion);

    /// <summary>The zone volumes are created from snapshots in, and Fast Snapshot Restore is enabled in.</summary>
    private const string RestoreZone = "us-east-1b";

    /// <summary>The zone empty volumes are created in, and instances launched in (the Region's first).</summary>
    private const string LaunchZone = "us-east-1a";

    private const string RootDevice = "/dev/xvda";

    private int _attachCalls;

    /// <summary>Gets how many StartInstances calls started a stopped instance.</summary>
    public int Starts { get; private set; }

    /// <summary>Gets how many DetachVolume calls began a detachment.</summary>
    public int Detaches { get; private set; }

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The next instant a live snapshot completes or an instance or attachment settles (the engine gives the snapshots' instants).</summary>
    private DateTimeOffset? NextSettling()
    {
        var snapshot = Model.Snapshots.Keys.Select(s => Cloud.Engine.World.Snapshots[s].CompletesAt).Where(at => at > Now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
        return Model.NextSettling(Now) is { } settles && (snapshot is null || settles < snapshot) ? settles : snapshot;
    }

    /// <summary>Creates the Region-level snapshot retention rule a sequence starts with, if it has one.</summary>
    /// <param name="retentionDays">The rule's retention in days, or <see langword="null"/> for none.</param>
    /// <returns>A task.</returns>
    public async Task CreateRuleAsync(int? retentionDays)
    {
        if (retentionDays is { } days)
        {
            await Cloud.Account(TestCloud.Account).RecycleBin(TestCloud.Region).CreateRuleAsync(new CreateRuleRequest
            {
                ResourceType = RecycleBinResourceType.EbsSnapshot,
                RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = days },
            });
            Model.RetentionDays = days;
        }
    }

    /// <summary>Resolves an operation's targets, or returns <see langword="null"/> when it has none.</summary>
    /// <param name="op">The operation.</param>
    /// <returns>The operation with its targets, or <see langword="null"/>.</returns>
    public PlannedOp? Plan(ModelOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var volumes = Model.Volumes.Keys.OrderBy(v => v.Value, StringComparer.Ordinal).ToList();
        var snapshots = Model.Snapshots.Keys.OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
        VolumeId? volume = volumes.Count > 0 ? volumes[op.Target % volumes.Count] : null;
        SnapshotId? snapshot = snapshots.Count > 0 ? snapshots[op.Target % snapshots.Count] : null;
        var data = new byte[op.Length];
        new Random(op.Seed).NextBytes(data);
        // A focused step (non-zero offset) picks among the snapshots it can succeed on, when there are any:
        // an archive a standard one, a tier restore an archived one, a volume or copy a restored one.
        Func<ModelTier?, bool>? fits = op.Offset == 0 ? null : op.Kind switch
        {
            ModelOpKind.ArchiveSnapshot => tier => tier is null or { IsStandardOnly: true },
            ModelOpKind.RestoreSnapshotTier => tier => tier is { IsRestorable: true },
            ModelOpKind.CreateVolumeFromSnapshot or ModelOpKind.CopySnapshot or ModelOpKind.CopyToOtherRegion => tier => tier is { Status: TieringOperationStatus.TemporaryRestoreCompleted or TieringOperationStatus.PermanentRestoreCompleted },
            ModelOpKind.RegisterImage => tier => tier is null or { IsStandardOnly: true },
            _ => null,
        };

        // An image needs a completed snapshot: a focused registration picks one (the engine only says which are complete).
        bool Completed(SnapshotId s) => op.Kind != ModelOpKind.RegisterImage || Cloud.Engine.World.Snapshots[s].IsCompletedAt(Now);
        if (fits is not null && snapshots.Where(s => fits(Model.TierAt(s, Now)) && Completed(s)).ToList() is { Count: > 0 } focus)
        {
            snapshot = focus[op.Target % focus.Count];
        }

        // A focused copy by the recipient picks a snapshot shared with it.
        if (op.Kind == ModelOpKind.CopyAsOtherAccount && op.Offset != 0 && snapshots.Where(Model.Shared.Contains).ToList() is { Count: > 0 } shared)
        {
            snapshot = shared[op.Target % shared.Count];
        }

        if (op.Kind is ModelOpKind.RestoreFromRecycleBin or ModelOpKind.AdvanceToBinExit)
        {
            var binned = Model.Binned.OrderBy(p => (p.Value.ExitTime, p.Key.Value)).Select(p => p.Key).ToList();
            snapshot = binned.Count > 0 ? binned[op.Kind == ModelOpKind.AdvanceToBinExit ? 0 : op.Target % binned.Count] : null;
        }

        var images = Model.Images.Keys.OrderBy(i => i.Value, StringComparer.Ordinal).ToList();
        var instances = Model.Instances.Keys.OrderBy(i => i.Value, StringComparer.Ordinal).ToList();
        ImageId? image = images.Count > 0 ? images[op.Target % images.Count] : null;
        InstanceId? instance = instances.Count > 0 ? instances[op.Seed % instances.Count] : null;
        if (op.Kind == ModelOpKind.DetachVolume && op.Offset != 0 && Model.Attachments.Keys.OrderBy(v => v.Value, StringComparer.Ordinal).ToList() is { Count: > 0 } attached)
        {
            // Focused: an attachment the call can detach once it and its instance settle (see ApplyAsync), when there is one.
            var detachable = attached.Where(v => Model.Attachments[v] is { DetachesAt: null } a && Model.Instances[a.Instance].Heading is var heading
                && (heading == InstanceStateName.Stopped || (heading == InstanceStateName.Running && a.Device != RootDevice))).ToList();
            volume = detachable.Count > 0 ? detachable[op.Target % detachable.Count] : attached[op.Target % attached.Count];
        }

        if (op.Kind is ModelOpKind.StopInstance or ModelOpKind.StartInstance or ModelOpKind.TerminateInstance && instances.Count > 0)
        {
            instance = instances[op.Target % instances.Count];
        }

        // Focused (non-zero offset): an instance the call can change (a stop or start first lets one on its way there
        // settle, see ApplyAsync), an available volume it can take.
        Func<InstanceStateName, bool>? takes = op.Offset == 0 ? null : op.Kind switch
        {
            ModelOpKind.StopInstance => state => state is InstanceStateName.Running or InstanceStateName.Pending,
            ModelOpKind.StartInstance => state => state is InstanceStateName.Stopped or InstanceStateName.Stopping,
            ModelOpKind.TerminateInstance => state => state != InstanceStateName.Terminated,
            ModelOpKind.AttachVolume => state => state is InstanceStateName.Running or InstanceStateName.Stopped,
            _ => null,
        };
        if (takes is not null && instances.Where(i => takes(Model.Instances[i].StateAt(Now))).ToList() is { Count: > 0 } able)
        {
            instance = able[op.Seed % able.Count];
        }

        if (op.Kind == ModelOpKind.AttachVolume && op.Offset != 0 && volumes.Where(v => !Model.Attachments.ContainsKey(v) && Model.Zones.GetValueOrDefault(v) == LaunchZone).ToList() is { Count: > 0 } free)
        {
            volume = free[op.Target % free.Count];
        }

        var needsVolume = op.Kind is ModelOpKind.Write or ModelOpKind.CreateSnapshot or ModelOpKind.DeleteVolume or ModelOpKind.InvalidCall
            or ModelOpKind.AttachVolume or ModelOpKind.DetachVolume;
        var needsSnapshot = op.Kind is ModelOpKind.DeleteSnapshot or ModelOpKind.CreateVolumeFromSnapshot or ModelOpKind.CopySnapshot or ModelOpKind.CopyToOtherRegion
            or ModelOpKind.RestoreFromRecycleBin or ModelOpKind.AdvanceToBinExit or ModelOpKind.ArchiveSnapshot or ModelOpKind.RestoreSnapshotTier
            or ModelOpKind.EnableFastSnapshotRestore or ModelOpKind.DisableFastSnapshotRestore or ModelOpKind.RegisterImage
            or ModelOpKind.ShareSnapshot or ModelOpKind.CopyAsOtherAccount;
        var needsInstance = op.Kind is ModelOpKind.StopInstance or ModelOpKind.StartInstance or ModelOpKind.TerminateInstance or ModelOpKind.AttachVolume;
        return (needsVolume && volume is null) || (needsSnapshot && snapshot is null) || (needsInstance && instance is null) || (op.Kind == ModelOpKind.RunInstance && image is null)
            || (op.Kind == ModelOpKind.AdvanceToSettling && NextSettling() is null)
            ? null
            : new PlannedOp(op.Kind, volume, snapshot, op.Offset, data, op.Seed, image, instance);
    }

    /// <summary>Creates an empty 1-GiB volume.</summary>
    /// <returns>The volume.</returns>
    public async Task<VolumeId> CreateVolumeAsync()
    {
        var before = Model.Volumes.Keys.ToHashSet();
        await ApplyAsync(new PlannedOp(ModelOpKind.CreateVolume, null, null, 0, [], 0)).ConfigureAwait(false);
        return Model.Volumes.Keys.Single(v => !before.Contains(v));
    }

    /// <summary>Writes bytes to a volume.</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="offset">The byte offset.</param>
    /// <param name="data">The bytes.</param>
    /// <returns>A task.</returns>
    public Task WriteAsync(VolumeId volume, long offset, byte[] data)
        => ApplyAsync(new PlannedOp(ModelOpKind.Write, volume, null, offset, data, -1));

    /// <summary>Takes a snapshot of a volume.</summary>
    /// <param name="volume">The volume.</param>
    /// <returns>The snapshot, or <see langword="null"/> when refused for too many concurrent snapshots (which changed nothing).</returns>
    public async Task<SnapshotId?> CreateSnapshotAsync(VolumeId volume)
    {
        var before = Model.Snapshots.Keys.ToHashSet();
        await ApplyAsync(new PlannedOp(ModelOpKind.CreateSnapshot, volume, null, 0, [], 0)).ConfigureAwait(false);
        return Model.Snapshots.Keys.Where(s => !before.Contains(s)).Cast<SnapshotId?>().SingleOrDefault();
    }

    /// <summary>Deletes a snapshot: into the Recycle Bin under a rule, refused (changing nothing) while an image uses it.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>A task.</returns>
    public Task DeleteSnapshotAsync(SnapshotId snapshot)
        => ApplyAsync(new PlannedOp(ModelOpKind.DeleteSnapshot, null, snapshot, 0, [], 0));

    /// <summary>Advances the clock and applies what falls due (Recycle Bin exits, tier completions) to the cloud and the model.</summary>
    /// <param name="by">How far.</param>
    /// <returns>A task.</returns>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Recorder.Note(EbsInvariants.Text($"advance {by} to {Now + by:yyyy-MM-dd HH:mm:ss}"));
        await AdvanceClockAsync(by).ConfigureAwait(false);
    }

    /// <summary>Applies a planned operation to the cloud and, as far as it succeeds, to the model; records it.</summary>
    /// <param name="op">The operation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvariantViolationException">The cloud's answer contradicts the model.</exception>
    public async Task ApplyAsync(PlannedOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        _step = Describe(op);
        var recorded = Recorder.Calls.Count;
        var (volumes, snapshots) = (Model.Volumes.Keys.ToHashSet(), Model.Snapshots.Keys.Concat(Model.RecipientCopies.Keys).Concat(Model.RegionCopies.Keys).ToHashSet());
        await ApplyCoreAsync(op).ConfigureAwait(false);
        if (Recorder.Calls.Count == recorded)
        {
            // The outcome names what the step created, so that later steps in the script can be followed.
            var created = Model.Volumes.Keys.Where(v => !volumes.Contains(v)).Select(v => v.Value)
                .Concat(Model.Snapshots.Keys.Concat(Model.RecipientCopies.Keys).Concat(Model.RegionCopies.Keys).Where(s => !snapshots.Contains(s)).Select(s => s.Value));
            Recorder.Record(_step, string.Join(", ", created.DefaultIfEmpty("ok")));
        }
    }

    private string Describe(PlannedOp op) => op.Kind switch
    {
        ModelOpKind.Write => EbsInvariants.Text($"Write {op.Volume} at {op.Offset}, {op.Data.Length} bytes{(op.Seed < 0 ? string.Empty : $" of seed {op.Seed}")}"),
        ModelOpKind.AdvanceTime => EbsInvariants.Text($"advance {op.Seed}s to {Now.AddSeconds(op.Seed):yyyy-MM-dd HH:mm:ss}"),
        ModelOpKind.CreateVolume or ModelOpKind.AdvanceToSettling => op.Kind.ToString(),
        ModelOpKind.DeleteSnapshot or ModelOpKind.CreateVolumeFromSnapshot or ModelOpKind.CopySnapshot or ModelOpKind.RestoreFromRecycleBin or ModelOpKind.AdvanceToBinExit
            or ModelOpKind.ArchiveSnapshot or ModelOpKind.RestoreSnapshotTier or ModelOpKind.EnableFastSnapshotRestore or ModelOpKind.DisableFastSnapshotRestore
            or ModelOpKind.RegisterImage or ModelOpKind.ShareSnapshot or ModelOpKind.CopyAsOtherAccount or ModelOpKind.CopyToOtherRegion => $"{op.Kind} {op.Snapshot}",
        ModelOpKind.RunInstance => $"{op.Kind} {op.Image}",
        ModelOpKind.StopInstance or ModelOpKind.StartInstance or ModelOpKind.TerminateInstance => $"{op.Kind} {op.Instance}",
        ModelOpKind.AttachVolume => $"{op.Kind} {op.Volume} to {op.Instance}",
        _ => $"{op.Kind} {op.Volume}",
    };

    private async Task ApplyCoreAsync(PlannedOp op)
    {
        switch (op.Kind)
        {
            case ModelOpKind.CreateVolume:
                var empty = (await Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = LaunchZone, Size = 1 })).Volume.VolumeId;
                Model.AddVolume(empty, [], null);
                Model.Zones[empty] = LaunchZone;
                break;
            case ModelOpKind.Write:
                await Ec2.WriteAtAsync(op.Volume!.Value, op.Offset, op.Data);
                Model.WriteVolume(op.Volume.Value, op.Offset, op.Data);
                break;
            case ModelOpKind.CreateSnapshot:
                var before = await CloudFingerprint.TakeAsync(Cloud);
                try
                {
                    var expected = ChecksIncrementalSize ? Model.IncrementalBlocks(op.Volume!.Value) : ((int Least, int Most)?)null;
                    var snapshot = await Ec2.TakeSnapshotAsync(op.Volume!.Value);
                    if (expected is var (least, most))
                    {
                        Expect(snapshot.IncrementalSizeInBytes / Model.BlockSize is var changed && changed >= least && changed <= most, $"{snapshot.SnapshotId} copies {snapshot.IncrementalSizeInBytes / Model.BlockSize} blocks, the model says {least} to {most}");
                    }

                    Model.AddSnapshot(snapshot.SnapshotId, op.Volume.Value);
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.ConcurrentSnapshotLimitExceeded)
                {
                    Expect(before.Matches(await CloudFingerprint.TakeAsync(Cloud)), "a refused call changed the cloud");
                }

                break;
            case ModelOpKind.DeleteSnapshot:
                if (Model.Images.ContainsValue(op.Snapshot!.Value) || (Model.RetentionDays is null && Model.FastRestores.Contains(op.Snapshot.Value)))
                {
                    await RefusedAsync(() => Ec2.DeleteSnapshotAsync(op.Snapshot.Value).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
                    break;
                }

                await Ec2.DeleteSnapshotAsync(op.Snapshot!.Value);
                Model.DeleteSnapshot(op.Snapshot.Value, Now);
                break;
            case ModelOpKind.CreateVolumeFromSnapshot:
                var request = new CreateVolumeRequest { AvailabilityZone = RestoreZone, SnapshotId = op.Snapshot };
                if (!await IsUsableAsync(op.Snapshot!.Value))
                {
                    await RefusedAsync(() => Ec2.CreateVolumeAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                var created = (await Ec2.CreateVolumeAsync(request)).Volume;
                Expect(!created.FastRestored || Model.FastRestores.Contains(op.Snapshot.Value), $"{created.VolumeId} is fast-restored from {op.Snapshot}, which has no Fast Snapshot Restore");
                Model.AddVolume(created.VolumeId, ReferenceModel.Copy(Model.Snapshots[op.Snapshot.Value]), op.Snapshot);
                Model.Zones[created.VolumeId] = RestoreZone;
                break;
            case ModelOpKind.CopySnapshot:
                if (!await IsUsableAsync(op.Snapshot!.Value))
                {
                    await RefusedAsync(() => Ec2.CopySnapshotHereAsync(TestCloud.Region, op.Snapshot.Value).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                Model.Snapshots[(await Ec2.CopySnapshotHereAsync(TestCloud.Region, op.Snapshot.Value)).SnapshotId] = ReferenceModel.Copy(Model.Snapshots[op.Snapshot.Value]);
                break;
            case ModelOpKind.ShareSnapshot:
                await ToggleShareAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.CopyAsOtherAccount:
                await CopyAsRecipientAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.CopyToOtherRegion:
                await CopyToOtherRegionAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.DeleteVolume:
                if (Model.Attachments.ContainsKey(op.Volume!.Value))
                {
                    await RefusedAsync(() => Ec2.DeleteVolumeAsync(op.Volume.Value).AsTask(), EbsErrorCodes.VolumeInUse);
                    break;
                }

                await Ec2.DeleteVolumeAsync(op.Volume.Value);
                Model.RemoveVolume(op.Volume.Value);
                break;
            case ModelOpKind.AdvanceTime:
                await AdvanceClockAsync(TimeSpan.FromSeconds(op.Seed));
                break;
            case ModelOpKind.AdvanceToSettling:
                await AdvanceClockAsync(NextSettling()!.Value - Now);
                break;
            case ModelOpKind.AdvanceToBinExit:
                // To the second before the earliest exit (the snapshot must still be there), or to the exit itself (gone).
                await AdvanceClockAsync(Model.Binned[op.Snapshot!.Value].ExitTime - TimeSpan.FromSeconds(op.Seed == 0 ? 1 : 0) - Now);
                break;
            case ModelOpKind.RestoreFromRecycleBin:
                var fromBin = await Ec2.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = op.Snapshot!.Value });
                ExpectEqual(op.Snapshot.Value, fromBin.SnapshotId, "result");
                Model.RestoreFromBin(op.Snapshot.Value);
                break;
            case ModelOpKind.ArchiveSnapshot:
                await ArchiveAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.RestoreSnapshotTier:
                await RestoreTierAsync(op.Snapshot!.Value, op.Seed == 0 ? null : op.Seed);
                break;
            case ModelOpKind.EnableFastSnapshotRestore:
                await EnableFastRestoreAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.DisableFastSnapshotRestore:
                await DisableFastRestoreAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.RegisterImage:
                await RegisterImageAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.RunInstance:
                await RunInstanceAsync(op.Image!.Value);
                break;
            case ModelOpKind.StopInstance:
                await SettleIfFocusedAsync(op);
                await ChangeStateAsync(op.Instance!.Value, InstanceStateName.Stopped);
                break;
            case ModelOpKind.StartInstance:
                await SettleIfFocusedAsync(op);
                await ChangeStateAsync(op.Instance!.Value, InstanceStateName.Running);
                break;
            case ModelOpKind.TerminateInstance:
                await ChangeStateAsync(op.Instance!.Value, InstanceStateName.Terminated);
                break;
            case ModelOpKind.AttachVolume:
                await AttachAsync(op.Volume!.Value, op.Instance!.Value);
                break;
            case ModelOpKind.DetachVolume:
                await SettleAttachmentIfFocusedAsync(op);
                await DetachAsync(op.Volume!.Value);
                break;
            case ModelOpKind.InvalidCall:
                var target = op.Volume!.Value;
                var unknown = SnapshotId.Parse("snap-0000000000000000f");
                (Func<Task> call, string code) = op.Seed switch
                {
                    0 => ((Func<Task>)(() => Ec2.WriteAtAsync(target, (1L << 30) - 10, new byte[Model.BlockSize]).AsTask()), EbsErrorCodes.InvalidParameterValue),
                    1 => (() => Ec2.DeleteSnapshotAsync(unknown).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound),
                    2 => (() => Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-west-2a", Size = 1 }).AsTask(), EbsErrorCodes.InvalidZoneNotFound),
                    _ => (() => Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [target, unknown], Tags = [new Tag("k", "v")] }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound),
                };
                await RefusedAsync(call, code);
                break;
        }
    }

    /// <summary>For a focused step, lets its instance reach the state it is heading for (pending to running, stopping to stopped).</summary>
    private async Task SettleIfFocusedAsync(PlannedOp op)
    {
        if (op.Offset != 0 && Model.Instances[op.Instance!.Value].SettlesAt is var at && at > Now)
        {
            await AdvanceClockAsync(at - Now);
        }
    }

    /// <summary>For a focused detach, lets the attachment and its instance (unless it is terminating) settle first.</summary>
    private async Task SettleAttachmentIfFocusedAsync(PlannedOp op)
    {
        if (op.Offset != 0 && Model.Attachments.GetValueOrDefault(op.Volume!.Value) is { DetachesAt: null } attachment
            && Model.Instances[attachment.Instance] is { Heading: not InstanceStateName.Terminated } instance)
        {
            var attached = attachment.AttachedAt + VolumeAttachment.TransitionTime;
            var at = attached > instance.SettlesAt ? attached : instance.SettlesAt;
            if (at > Now)
            {
                await AdvanceClockAsync(at - Now);
            }
        }
    }

    private async Task AdvanceClockAsync(TimeSpan by)
    {
        time.Advance(by);

        // Due effects (bin exits, tier completions) are applied now, so a refused call that follows has nothing to apply.
        await Cloud.ApplyDueWorkAsync();
        Model.AdvanceTo(Now);
    }

    /// <summary>Whether a volume or copy can be made from the live snapshot: completed, and not archived unless temporarily restored.</summary>
    private async Task<bool> IsUsableAsync(SnapshotId snapshot)
        => (await Ec2.DescribeSnapshotAsync(snapshot)).State == SnapshotState.Completed && (Model.TierAt(snapshot, Now)?.IsReadable ?? true);

    private async Task ArchiveAsync(SnapshotId snapshot)
    {
        var request = new ModifySnapshotTierRequest { SnapshotId = snapshot };
        if ((await Ec2.DescribeSnapshotAsync(snapshot)).State != SnapshotState.Completed || Model.TierAt(snapshot, Now) is { IsStandardOnly: false })
        {
            await RefusedAsync(() => Ec2.ModifySnapshotTierAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
            return;
        }

        if (Model.Images.ContainsValue(snapshot))
        {
            await RefusedAsync(() => Ec2.ModifySnapshotTierAsync(request).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
            return;
        }

        await Ec2.ModifySnapshotTierAsync(request);
        Model.Shared.Remove(snapshot);
        Model.Tiers[snapshot] = new ModelTier(TieringOperationStatus.ArchivalInProgress, Now + Cloud.Engine.Options.SnapshotArchiveTime, null);
        Model.DisableFastRestore(snapshot, Now);
    }

    /// <summary>Shares a snapshot with the recipient, or unshares it when shared; sharing one archived or being archived or restored is refused.</summary>
    private async Task ToggleShareAsync(SnapshotId snapshot)
    {
        var operation = Model.Shared.Contains(snapshot) ? OperationType.Remove : OperationType.Add;
        var request = new ModifySnapshotAttributeRequest { SnapshotId = snapshot, OperationType = operation, UserIds = [Recipient] };
        if (operation == OperationType.Add && Model.TierAt(snapshot, Now) is { IsStandardOnly: false })
        {
            await RefusedAsync(() => Ec2.ModifySnapshotAttributeAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
            return;
        }

        await Ec2.ModifySnapshotAttributeAsync(request);
        _ = operation == OperationType.Add ? Model.Shared.Add(snapshot) : Model.Shared.Remove(snapshot);
    }

    /// <summary>
    /// The recipient copies a snapshot of the owner's: refused unless shared with it (not found) and usable; the copy
    /// is the recipient's, with the source's bytes, and the source is unchanged.
    /// </summary>
    private async Task CopyAsRecipientAsync(SnapshotId snapshot)
    {
        var copy = () => RecipientEc2.CopySnapshotHereAsync(TestCloud.Region, snapshot).AsTask();
        if (!Model.Shared.Contains(snapshot))
        {
            await RefusedAsync(copy, EbsErrorCodes.InvalidSnapshotNotFound);
            return;
        }

        if (!await IsUsableAsync(snapshot))
        {
            await RefusedAsync(copy, EbsErrorCodes.IncorrectState);
            return;
        }

        var source = await Ec2.DescribeSnapshotAsync(snapshot);
        var copied = await copy();
        ExpectEqual(Recipient, copied.OwnerId, "result");
        ExpectEqual(source, await Ec2.DescribeSnapshotAsync(snapshot), "result");
        Model.RecipientCopies[copied.SnapshotId] = ReferenceModel.Copy(Model.Snapshots[snapshot]);
    }

    /// <summary>
    /// The owner copies a snapshot into <see cref="DisasterRecoveryRegion"/>: refused unless usable; the copy has the
    /// source's bytes, lives in that Region only, and the source is unchanged.
    /// </summary>
    private async Task CopyToOtherRegionAsync(SnapshotId snapshot)
    {
        var copy = () => DisasterRecoveryEc2.CopySnapshotHereAsync(TestCloud.Region, snapshot).AsTask();
        if (!await IsUsableAsync(snapshot))
        {
            await RefusedAsync(copy, EbsErrorCodes.IncorrectState);
            return;
        }

        var source = await Ec2.DescribeSnapshotAsync(snapshot);
        var copied = await copy();
        ExpectEqual(TestCloud.Account, copied.OwnerId, "result");
        ExpectEqual(source, await Ec2.DescribeSnapshotAsync(snapshot), "result");
        Model.RegionCopies[copied.SnapshotId] = ReferenceModel.Copy(Model.Snapshots[snapshot]);
    }

    /// <summary>Restores for <paramref name="days"/>, or permanently when <see langword="null"/>.</summary>
    private async Task RestoreTierAsync(SnapshotId snapshot, int? days)
    {
        var request = new RestoreSnapshotTierRequest { SnapshotId = snapshot, TemporaryRestoreDays = days, PermanentRestore = days is null ? true : null };
        var tier = Model.TierAt(snapshot, Now);
        if (tier is not { IsRestorable: true })
        {
            await RefusedAsync(() => Ec2.RestoreSnapshotTierAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
            return;
        }

        await Ec2.RestoreSnapshotTierAsync(request);
        var completes = Now + Cloud.Engine.Options.SnapshotRestoreTime;
        Model.Tiers[snapshot] = (tier.Status, days) switch
        {
            (TieringOperationStatus.TemporaryRestoreCompleted, null) => new ModelTier(TieringOperationStatus.PermanentRestoreCompleted, Now, null),
            (TieringOperationStatus.TemporaryRestoreCompleted, { } extend) => tier with { Expiry = Now.AddDays(extend) },
            (_, null) => new ModelTier(TieringOperationStatus.PermanentRestoreInProgress, completes, null),
            (_, { } temporary) => new ModelTier(TieringOperationStatus.TemporaryRestoreInProgress, completes, completes.AddDays(temporary)),
        };
    }

    /// <summary>
    /// Enables Fast Snapshot Restore in the restore zone: refused per item (the call itself succeeds)
    /// for a pending or archived snapshot, while disabling, or beyond five snapshots; a refusal changes nothing.
    /// </summary>
    private async Task EnableFastRestoreAsync(SnapshotId snapshot)
    {
        var counted = Model.FastRestores.Union(Model.FastRestoresDisabling.Keys).ToHashSet();
        var refusal = (await Ec2.DescribeSnapshotAsync(snapshot)).State != SnapshotState.Completed ? EbsErrorCodes.InvalidSnapshotInvalidState
            : Model.TierAt(snapshot, Now) is { IsStandardOnly: false } || Model.FastRestoresDisabling.ContainsKey(snapshot) ? EbsErrorCodes.IncorrectState
            : !counted.Contains(snapshot) && counted.Count >= Ec2Client.MaxFastSnapshotRestoreSnapshots ? EbsErrorCodes.ResourceLimitExceeded
            : null;
        var before = await CloudFingerprint.TakeAsync(Cloud);
        var response = await Ec2.EnableFastSnapshotRestoresAsync(new EnableFastSnapshotRestoresRequest { AvailabilityZones = [RestoreZone], SourceSnapshotIds = [snapshot] });
        if (refusal is not null)
        {
            Expect(response.Successful.Count == 0, "a refused Fast Snapshot Restore succeeded");
            ExpectEqual(refusal, response.Unsuccessful.Single().FastSnapshotRestoreStateErrors.Single().Error.Code, "result");
            Expect(before.Matches(await CloudFingerprint.TakeAsync(Cloud)), "a refused call changed the cloud");
            return;
        }

        Expect(response.Unsuccessful.Count == 0, "a Fast Snapshot Restore was refused");
        ExpectEqual(snapshot, response.Successful.Single().SnapshotId, "result");
        Model.FastRestores.Add(snapshot);
    }

    private async Task DisableFastRestoreAsync(SnapshotId snapshot)
    {
        var enabled = Model.FastRestores.Contains(snapshot);
        var before = await CloudFingerprint.TakeAsync(Cloud);
        var response = await Ec2.DisableFastSnapshotRestoresAsync(new DisableFastSnapshotRestoresRequest { AvailabilityZones = [RestoreZone], SourceSnapshotIds = [snapshot] });
        if (!enabled)
        {
            // Never enabled: refused with IncorrectState; disabling or disabled: reported as it is. Either way nothing changes.
            Expect(before.Matches(await CloudFingerprint.TakeAsync(Cloud)), "a refused call changed the cloud");
            return;
        }

        ExpectEqual(FastSnapshotRestoreStateCode.Disabling, response.Successful.Single().State, "result");
        Model.DisableFastRestore(snapshot, Now);
    }

    /// <summary>
    /// Registers an image of one snapshot as its root device, when the snapshot is completed and wholly in the
    /// standard tier (an image of a pending one would be pending; of an archived one is refused).
    /// </summary>
    private async Task RegisterImageAsync(SnapshotId snapshot)
    {
        if ((await Ec2.DescribeSnapshotAsync(snapshot)).State != SnapshotState.Completed || Model.TierAt(snapshot, Now) is { IsStandardOnly: false })
        {
            return;
        }

        var image = await Ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = $"image-{Model.Images.Count}",
            RootDeviceName = RootDevice,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = RootDevice, Ebs = new EbsBlockDevice { SnapshotId = snapshot } }],
            VirtualizationType = VirtualizationType.Hvm,
        });
        ExpectEqual(ImageState.Available, image.State, "result");
        Model.Images[image.ImageId] = snapshot;
    }

    /// <summary>Launches one instance, pending, with its root volume from the image's snapshot, attached with DeleteOnTermination.</summary>
    private async Task RunInstanceAsync(ImageId image)
    {
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single();
        ExpectEqual(InstanceStateName.Pending, instance.State.Name, "result");
        var root = instance.BlockDeviceMappings.Single();
        ExpectEqual((RootDevice, VolumeAttachmentState.Attached, true), (root.DeviceName, root.Ebs.Status, root.Ebs.DeleteOnTermination), "result");
        var snapshot = Model.Images[image];
        Model.Instances[instance.InstanceId] = new ModelInstance(InstanceStateName.Running, Now + InstanceRecord.TransitionTime);
        Model.AddVolume(root.Ebs.VolumeId, ReferenceModel.Copy(Model.Snapshots[snapshot]), snapshot);
        Model.Zones[root.Ebs.VolumeId] = LaunchZone;
        Model.Attachments[root.Ebs.VolumeId] = new ModelAttachment(instance.InstanceId, RootDevice, DeleteOnTermination: true, Now - VolumeAttachment.TransitionTime, null);
    }

    /// <summary>
    /// Stops, starts or terminates an instance: it moves from the state each call takes it from, is reported
    /// unchanged where it already is (or is heading), and any other state is refused, changing nothing.
    /// </summary>
    private async Task ChangeStateAsync(InstanceId id, InstanceStateName target)
    {
        var model = Model.Instances[id];
        var before = model.StateAt(Now);
        bool? moves = target switch
        {
            InstanceStateName.Stopped => before is InstanceStateName.Running ? true : before is InstanceStateName.Stopping or InstanceStateName.Stopped ? false : null,
            InstanceStateName.Running => before is InstanceStateName.Stopped ? true : before is InstanceStateName.Pending or InstanceStateName.Running ? false : null,
            _ => before is not (InstanceStateName.ShuttingDown or InstanceStateName.Terminated),
        };
        Func<Task<InstanceStateChange>> call = target switch
        {
            InstanceStateName.Stopped => async () => (await Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] })).StoppingInstances.Single(),
            InstanceStateName.Running => async () => (await Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] })).StartingInstances.Single(),
            _ => async () => (await Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] })).TerminatingInstances.Single(),
        };
        if (moves is null)
        {
            await RefusedAsync(call, EbsErrorCodes.IncorrectInstanceState);
            return;
        }

        var change = await call();
        if (moves == true)
        {
            Model.Instances[id] = model = new ModelInstance(target, Now + InstanceRecord.TransitionTime);
            Starts += target == InstanceStateName.Running ? 1 : 0;
        }

        ExpectEqual((before, model.StateAt(Now)), (change.PreviousState.Name, change.CurrentState.Name), "result");
    }

    /// <summary>
    /// Attaches a volume to an instance as a new device: refused unless the instance is running or stopped
    /// (IncorrectInstanceState), the volume unattached (VolumeInUse) and in the instance's zone.
    /// </summary>
    private async Task AttachAsync(VolumeId volume, InstanceId instance)
    {
        var device = $"/dev/sdf{++_attachCalls}"; // never one the instance uses
        var request = new AttachVolumeRequest { VolumeId = volume, InstanceId = instance, Device = device };
        var refusal = Model.Instances[instance].StateAt(Now) is not (InstanceStateName.Running or InstanceStateName.Stopped) ? EbsErrorCodes.IncorrectInstanceState
            : Model.Attachments.ContainsKey(volume) ? EbsErrorCodes.VolumeInUse
            : Model.Zones[volume] != LaunchZone ? EbsErrorCodes.InvalidVolumeZoneMismatch
            : null;
        if (refusal is not null)
        {
            await RefusedAsync(() => Ec2.AttachVolumeAsync(request).AsTask(), refusal);
            return;
        }

        var attachment = (await Ec2.AttachVolumeAsync(request)).Attachment;
        ExpectEqual(VolumeAttachmentState.Attaching, attachment.State, "result");
        Model.Attachments[volume] = new ModelAttachment(instance, device, DeleteOnTermination: false, Now, null);
    }

    /// <summary>
    /// Detaches a volume: refused unless it is attached (IncorrectState), its instance running or stopped
    /// (IncorrectInstanceState), and, for a root volume, stopped (IncorrectState).
    /// </summary>
    private async Task DetachAsync(VolumeId volume)
    {
        var request = new DetachVolumeRequest { VolumeId = volume };
        var attachment = Model.Attachments.GetValueOrDefault(volume);
        var instanceState = attachment is null ? (InstanceStateName?)null : Model.Instances[attachment.Instance].StateAt(Now);
        var refusal = attachment?.IsAttachedAt(Now) != true ? EbsErrorCodes.IncorrectState
            : instanceState is not (InstanceStateName.Running or InstanceStateName.Stopped) ? EbsErrorCodes.IncorrectInstanceState
            : attachment.Device == RootDevice && instanceState != InstanceStateName.Stopped ? EbsErrorCodes.IncorrectState
            : null;
        if (refusal is not null)
        {
            await RefusedAsync(() => Ec2.DetachVolumeAsync(request).AsTask(), refusal);
            return;
        }

        ExpectEqual(VolumeAttachmentState.Detaching, (await Ec2.DetachVolumeAsync(request)).Attachment.State, "result");
        Model.Attachments[volume] = attachment! with { DetachesAt = Now + VolumeAttachment.TransitionTime };
        Detaches++;
    }

    /// <summary>
    /// Checks the cloud against the model with <see cref="EbsInvariants.CheckAsync"/> (the model and this
    /// driver's recorder given) and throws every violation, with the script, at once.
    /// </summary>
    /// <param name="after">The step the check follows, for the message.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvariantViolationException">The cloud is not the model, or an invariant is broken.</exception>
    public async Task CheckAsync(string after)
    {
        var report = await EbsInvariants.CheckAsync(Cloud, new InvariantOptions { Model = Model, Recorder = Recorder }).ConfigureAwait(false);
        if (!report.IsClean)
        {
            throw new InvariantViolationException($"after {after}: {report}");
        }
    }

    /// <summary>Throws <see cref="InvariantViolationException"/> with the script unless <paramref name="condition"/> holds.</summary>
    private void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantViolationException($"{message}{Environment.NewLine}script:{Environment.NewLine}{Recorder.ToScript()}");
        }
    }

    private void ExpectEqual<T>(T expected, T actual, string what)
        => Expect(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, got {actual}");

    /// <summary>A refused call must change nothing: records it and checks the code and the state.</summary>
    private Task RefusedAsync(Func<Task> call, string code) => Recorder.RefusedAsync(_step, call, code);
}
