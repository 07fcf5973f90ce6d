using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// Applies model operations to a cloud and, when they succeed, to the <see cref="Model"/>.
/// Calls that must be refused are checked to change nothing.
/// </summary>
public sealed class ModelDriver(EbsCloud cloud, FakeTimeProvider time, Model model)
{
    public EbsCloud Cloud { get; set; } = cloud;

    public Model Model { get; } = model;

    /// <summary>
    /// Gets a value indicating whether each new snapshot's incremental size is checked against
    /// the model; not when the model is patched from the cloud after a fault, which loses the lineage.
    /// </summary>
    public bool ChecksIncrementalSize { get; init; }

    /// <summary>The account snapshots are shared with, which copies them.</summary>
    public const string Recipient = "222222222222";

    public Ec2Client Ec2 => Cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

    private Ec2Client RecipientEc2 => Cloud.Account(Recipient).Ec2(TestCloud.Region);

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
    public PlannedOp? Plan(ModelOp op)
    {
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
            ModelOpKind.CreateVolumeFromSnapshot or ModelOpKind.CopySnapshot => tier => tier is { Status: TieringOperationStatus.TemporaryRestoreCompleted or TieringOperationStatus.PermanentRestoreCompleted },
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
        var needsSnapshot = op.Kind is ModelOpKind.DeleteSnapshot or ModelOpKind.CreateVolumeFromSnapshot or ModelOpKind.CopySnapshot
            or ModelOpKind.RestoreFromRecycleBin or ModelOpKind.AdvanceToBinExit or ModelOpKind.ArchiveSnapshot or ModelOpKind.RestoreSnapshotTier
            or ModelOpKind.EnableFastSnapshotRestore or ModelOpKind.DisableFastSnapshotRestore or ModelOpKind.RegisterImage
            or ModelOpKind.ShareSnapshot or ModelOpKind.CopyAsOtherAccount;
        var needsInstance = op.Kind is ModelOpKind.StopInstance or ModelOpKind.StartInstance or ModelOpKind.TerminateInstance or ModelOpKind.AttachVolume;
        return (needsVolume && volume is null) || (needsSnapshot && snapshot is null) || (needsInstance && instance is null) || (op.Kind == ModelOpKind.RunInstance && image is null)
            || (op.Kind == ModelOpKind.AdvanceToSettling && NextSettling() is null)
            ? null
            : new PlannedOp(op.Kind, volume, snapshot, op.Offset, data, op.Seed, image, instance);
    }

    public async Task ApplyAsync(PlannedOp op)
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
                var before = await StateFingerprint.TakeAsync(Cloud);
                try
                {
                    var expected = ChecksIncrementalSize ? Model.IncrementalBlocks(op.Volume!.Value) : ((int Least, int Most)?)null;
                    var snapshot = await Ec2.TakeSnapshotAsync(op.Volume!.Value);
                    if (expected is var (least, most))
                    {
                        Assert.InRange(snapshot.IncrementalSizeInBytes / TestCloud.BlockSize, least, most);
                    }

                    Model.AddSnapshot(snapshot.SnapshotId, op.Volume.Value);
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.ConcurrentSnapshotLimitExceeded)
                {
                    Assert.Equal(before, await StateFingerprint.TakeAsync(Cloud));
                }

                break;
            case ModelOpKind.DeleteSnapshot:
                if (Model.Images.ContainsValue(op.Snapshot!.Value) || (Model.RetentionDays is null && Model.FastRestores.Contains(op.Snapshot.Value)))
                {
                    await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.DeleteSnapshotAsync(op.Snapshot.Value).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
                    break;
                }

                await Ec2.DeleteSnapshotAsync(op.Snapshot!.Value);
                Model.DeleteSnapshot(op.Snapshot.Value, Now);
                break;
            case ModelOpKind.CreateVolumeFromSnapshot:
                var request = new CreateVolumeRequest { AvailabilityZone = RestoreZone, SnapshotId = op.Snapshot };
                if (!await IsUsableAsync(op.Snapshot!.Value))
                {
                    await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.CreateVolumeAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                var created = (await Ec2.CreateVolumeAsync(request)).Volume;
                Assert.True(!created.FastRestored || Model.FastRestores.Contains(op.Snapshot.Value), $"{created.VolumeId} is fast-restored from {op.Snapshot}, which has no Fast Snapshot Restore");
                Model.AddVolume(created.VolumeId, Model.Copy(Model.Snapshots[op.Snapshot.Value]), op.Snapshot);
                Model.Zones[created.VolumeId] = RestoreZone;
                break;
            case ModelOpKind.CopySnapshot:
                if (!await IsUsableAsync(op.Snapshot!.Value))
                {
                    await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.CopySnapshotHereAsync(TestCloud.Region, op.Snapshot.Value).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                Model.Snapshots[(await Ec2.CopySnapshotHereAsync(TestCloud.Region, op.Snapshot.Value)).SnapshotId] = Model.Copy(Model.Snapshots[op.Snapshot.Value]);
                break;
            case ModelOpKind.ShareSnapshot:
                await ToggleShareAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.CopyAsOtherAccount:
                await CopyAsRecipientAsync(op.Snapshot!.Value);
                break;
            case ModelOpKind.DeleteVolume:
                if (Model.Attachments.ContainsKey(op.Volume!.Value))
                {
                    await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.DeleteVolumeAsync(op.Volume.Value).AsTask(), EbsErrorCodes.VolumeInUse);
                    break;
                }

                await Ec2.DeleteVolumeAsync(op.Volume.Value);
                Model.RemoveVolume(op.Volume.Value);
                break;
            case ModelOpKind.AdvanceTime:
                await AdvanceAsync(TimeSpan.FromSeconds(op.Seed));
                break;
            case ModelOpKind.AdvanceToSettling:
                await AdvanceAsync(NextSettling()!.Value - Now);
                break;
            case ModelOpKind.AdvanceToBinExit:
                // To the second before the earliest exit (the snapshot must still be there), or to the exit itself (gone).
                await AdvanceAsync(Model.Binned[op.Snapshot!.Value].ExitTime - TimeSpan.FromSeconds(op.Seed == 0 ? 1 : 0) - Now);
                break;
            case ModelOpKind.RestoreFromRecycleBin:
                var fromBin = await Ec2.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = op.Snapshot!.Value });
                Assert.Equal(op.Snapshot.Value, fromBin.SnapshotId);
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
                    0 => ((Func<Task>)(() => Ec2.WriteAtAsync(target, (1L << 30) - 10, new byte[TestCloud.BlockSize]).AsTask()), EbsErrorCodes.InvalidParameterValue),
                    1 => (() => Ec2.DeleteSnapshotAsync(unknown).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound),
                    2 => (() => Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-west-2a", Size = 1 }).AsTask(), EbsErrorCodes.InvalidZoneNotFound),
                    _ => (() => Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [target, unknown], Tags = [new Tag("k", "v")] }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound),
                };
                await StateFingerprint.AssertUnchangedAsync(Cloud, call, code);
                break;
        }
    }

    /// <summary>For a focused step, lets its instance reach the state it is heading for (pending to running, stopping to stopped).</summary>
    private async Task SettleIfFocusedAsync(PlannedOp op)
    {
        if (op.Offset != 0 && Model.Instances[op.Instance!.Value].SettlesAt is var at && at > Now)
        {
            await AdvanceAsync(at - Now);
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
                await AdvanceAsync(at - Now);
            }
        }
    }

    private async Task AdvanceAsync(TimeSpan by)
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
            await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.ModifySnapshotTierAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
            return;
        }

        if (Model.Images.ContainsValue(snapshot))
        {
            await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.ModifySnapshotTierAsync(request).AsTask(), EbsErrorCodes.InvalidSnapshotInUse);
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
            await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.ModifySnapshotAttributeAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
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
            await StateFingerprint.AssertUnchangedAsync(Cloud, copy, EbsErrorCodes.InvalidSnapshotNotFound);
            return;
        }

        if (!await IsUsableAsync(snapshot))
        {
            await StateFingerprint.AssertUnchangedAsync(Cloud, copy, EbsErrorCodes.IncorrectState);
            return;
        }

        var source = await Ec2.DescribeSnapshotAsync(snapshot);
        var copied = await copy();
        Assert.Equal(Recipient, copied.OwnerId);
        Assert.Equal(source, await Ec2.DescribeSnapshotAsync(snapshot));
        Model.RecipientCopies[copied.SnapshotId] = Model.Copy(Model.Snapshots[snapshot]);
    }

    /// <summary>Restores for <paramref name="days"/>, or permanently when <see langword="null"/>.</summary>
    private async Task RestoreTierAsync(SnapshotId snapshot, int? days)
    {
        var request = new RestoreSnapshotTierRequest { SnapshotId = snapshot, TemporaryRestoreDays = days, PermanentRestore = days is null ? true : null };
        var tier = Model.TierAt(snapshot, Now);
        if (tier is not { IsRestorable: true })
        {
            await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.RestoreSnapshotTierAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
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
        var before = await StateFingerprint.TakeAsync(Cloud);
        var response = await Ec2.EnableFastSnapshotRestoresAsync(new EnableFastSnapshotRestoresRequest { AvailabilityZones = [RestoreZone], SourceSnapshotIds = [snapshot] });
        if (refusal is not null)
        {
            Assert.Empty(response.Successful);
            Assert.Equal(refusal, response.Unsuccessful.Single().FastSnapshotRestoreStateErrors.Single().Error.Code);
            Assert.Equal(before, await StateFingerprint.TakeAsync(Cloud));
            return;
        }

        Assert.Empty(response.Unsuccessful);
        Assert.Equal(snapshot, response.Successful.Single().SnapshotId);
        Model.FastRestores.Add(snapshot);
    }

    private async Task DisableFastRestoreAsync(SnapshotId snapshot)
    {
        var enabled = Model.FastRestores.Contains(snapshot);
        var before = await StateFingerprint.TakeAsync(Cloud);
        var response = await Ec2.DisableFastSnapshotRestoresAsync(new DisableFastSnapshotRestoresRequest { AvailabilityZones = [RestoreZone], SourceSnapshotIds = [snapshot] });
        if (!enabled)
        {
            // Never enabled: refused with IncorrectState; disabling or disabled: reported as it is. Either way nothing changes.
            Assert.Equal(before, await StateFingerprint.TakeAsync(Cloud));
            return;
        }

        Assert.Equal(FastSnapshotRestoreStateCode.Disabling, response.Successful.Single().State);
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
            BlockDeviceMappings = [Ec2Shorthands.Mapping(RootDevice, snapshot)],
            VirtualizationType = VirtualizationType.Hvm,
        });
        Assert.Equal(ImageState.Available, image.State);
        Model.Images[image.ImageId] = snapshot;
    }

    /// <summary>Launches one instance, pending, with its root volume from the image's snapshot, attached with DeleteOnTermination.</summary>
    private async Task RunInstanceAsync(ImageId image)
    {
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single();
        Assert.Equal(InstanceStateName.Pending, instance.State.Name);
        var root = instance.BlockDeviceMappings.Single();
        Assert.Equal((RootDevice, VolumeAttachmentState.Attached, true), (root.DeviceName, root.Ebs.Status, root.Ebs.DeleteOnTermination));
        var snapshot = Model.Images[image];
        Model.Instances[instance.InstanceId] = new ModelInstance(InstanceStateName.Running, Now + InstanceRecord.TransitionTime);
        Model.AddVolume(root.Ebs.VolumeId, Model.Copy(Model.Snapshots[snapshot]), snapshot);
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
            await StateFingerprint.AssertUnchangedAsync(Cloud, call, EbsErrorCodes.IncorrectInstanceState);
            return;
        }

        var change = await call();
        if (moves == true)
        {
            Model.Instances[id] = model = new ModelInstance(target, Now + InstanceRecord.TransitionTime);
            Starts += target == InstanceStateName.Running ? 1 : 0;
        }

        Assert.Equal((before, model.StateAt(Now)), (change.PreviousState.Name, change.CurrentState.Name));
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
            await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.AttachVolumeAsync(request).AsTask(), refusal);
            return;
        }

        var attachment = (await Ec2.AttachVolumeAsync(request)).Attachment;
        Assert.Equal(VolumeAttachmentState.Attaching, attachment.State);
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
            await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.DetachVolumeAsync(request).AsTask(), refusal);
            return;
        }

        Assert.Equal(VolumeAttachmentState.Detaching, (await Ec2.DetachVolumeAsync(request)).Attachment.State);
        Model.Attachments[volume] = attachment! with { DetachesAt = Now + VolumeAttachment.TransitionTime };
        Detaches++;
    }

    /// <summary>
    /// Checks the cloud against the model: every live volume and every live, binned or archived
    /// snapshot reads back exactly, the bin holds exactly the model's snapshots until their exit,
    /// tiers and Fast Snapshot Restores are the model's, the usage ledger's standard bytes equal
    /// a recount, the stored chunks are exactly the reachable ones, and every count equals scrub's.
    /// </summary>
    public async Task CheckAsync(string after)
    {
        var span = Generators.SpanBlocks * TestCloud.BlockSize;
        var bytes = new byte[span];
        foreach (var (id, blocks) in Model.Volumes)
        {
            await Ec2.ReadAtAsync(id, 0, bytes);
            for (var block = 0; block < Generators.SpanBlocks; block++)
            {
                Assert.True(Model.Read(blocks, block).AsSpan().SequenceEqual(bytes.AsSpan(block * TestCloud.BlockSize, TestCloud.BlockSize)), $"{id} block {block} after {after}");
            }
        }

        var engine = Cloud.Engine;
        var buffer = new byte[TestCloud.BlockSize];
        foreach (var (id, blocks) in Model.Snapshots.Concat(Model.Binned.Select(p => KeyValuePair.Create(p.Key, p.Value.Blocks))).Concat(Model.RecipientCopies))
        {
            var stored = engine.Map.Enumerate(engine.Graph, engine.World.Snapshots[id].Root).ToList();
            Assert.Equal(blocks.Keys.Order(), stored.Select(s => s.Index));
            foreach (var (index, chunk) in stored)
            {
                Assert.True(await Cloud.ChunkStore.TryReadAsync(chunk, buffer));
                Assert.True(blocks[index].AsSpan().SequenceEqual(buffer), $"{id} block {index} after {after}");
            }
        }

        // Standard storage: snapshots holding standard blocks (binned ones included) billed
        // incrementally, plus each temporarily restored copy at full size while it exists.
        // Each account's snapshots are billed among its own: lineages never cross accounts.
        var billed = engine.World.Snapshots.Values.Where(s => s.HoldsStandardStorage).ToList();
        var temporaryCopies = engine.World.Snapshots.Values.Where(s => s.Archive?.IsTemporarilyRestoredAt(Now) == true).Sum(s => s.BlockCount);
        var recount = (billed.GroupBy(s => s.OwnerId).Sum(account => account.Sum(s => BilledStorage.IncrementalBlocks(engine.Map, engine.Graph, [.. account], s))) + temporaryCopies) * TestCloud.BlockSize;
        var ledger = LedgerLevel(engine.World, UsageType.SnapshotStorage);
        Assert.True(recount == ledger, $"the ledger's billed standard bytes ({ledger}) differ from a recount ({recount}) after {after}: " + string.Join("; ", billed
            .OrderBy(s => (s.StartTime, s.Id.Value))
            .Select(s => $"{s.Id} {s.StartTime:HH:mm:ss} lineage {s.Lineage} source {s.SourceSnapshotId} parent {BilledStorage.Parent(billed, s)?.Id} +{BilledStorage.IncrementalBlocks(engine.Map, engine.Graph, billed, s)}")));

        var listed = await Ec2.ListSnapshotsAsync();
        Assert.Equal(Model.Snapshots.Keys.Select(s => s.Value).Order(StringComparer.Ordinal), listed.Select(s => s.SnapshotId.Value).Order(StringComparer.Ordinal));
        foreach (var snapshot in listed)
        {
            var readable = Model.TierAt(snapshot.SnapshotId, Now)?.IsReadable ?? true;
            Assert.True((readable ? StorageTier.Standard : StorageTier.Archive) == snapshot.StorageTier, $"{snapshot.SnapshotId} is {snapshot.StorageTier}, the model says {Model.TierAt(snapshot.SnapshotId, Now)} after {after}");
        }

        // The recipient sees exactly the live snapshots shared with it (binned ones are hidden), and owns its copies.
        Assert.Equal(
            Model.Snapshots.Keys.Where(Model.Shared.Contains).Select(s => s.Value).Order(StringComparer.Ordinal),
            (await RecipientEc2.ListSnapshotsAsync(new() { OwnerIds = [TestCloud.Account] })).Select(s => s.SnapshotId.Value).Order(StringComparer.Ordinal));
        Assert.Equal(
            Model.RecipientCopies.Keys.Select(s => s.Value).Order(StringComparer.Ordinal),
            (await RecipientEc2.ListSnapshotsAsync(new() { OwnerIds = ["self"] })).Select(s => s.SnapshotId.Value).Order(StringComparer.Ordinal));

        var bin = (await Ec2.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest())).Snapshots;
        Assert.Equal(
            Model.Binned.Select(p => $"{p.Key} until {p.Value.ExitTime:O}").Order(StringComparer.Ordinal),
            bin.Select(s => $"{s.SnapshotId} until {s.RecycleBinExitTime:O}").Order(StringComparer.Ordinal));
        var fastRestores = (await Ec2.DescribeFastSnapshotRestoresAsync(new DescribeFastSnapshotRestoresRequest()))
            .FastSnapshotRestores.Where(r => r.State is not (FastSnapshotRestoreStateCode.Disabling or FastSnapshotRestoreStateCode.Disabled));
        Assert.Equal(Model.FastRestores.Select(s => s.Value).Order(StringComparer.Ordinal), fastRestores.Select(r => r.SnapshotId.Value).Order(StringComparer.Ordinal));
        Assert.Equal(Model.Volumes.Count, (await Ec2.ListVolumesAsync()).Count);
        await CheckInstancesAsync(after);
        var scrub = await Cloud.ScrubAsync();
        Assert.True(scrub.IsClean, $"scrub after {after}: {scrub}");
    }

    /// <summary>
    /// Checks images, instances and attachments: every image is the model's and its snapshot lives (was never
    /// deleted), every instance is in the model's state with the model's volumes as its devices.
    /// </summary>
    private async Task CheckInstancesAsync(string after)
    {
        var images = (await Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images;
        Assert.Equal(
            Model.Images.Select(p => $"{p.Key} {p.Value}").Order(StringComparer.Ordinal),
            images.Select(i => $"{i.ImageId} {i.BlockDeviceMappings.Single().Ebs.SnapshotId}").Order(StringComparer.Ordinal));
        Assert.All(Model.Images.Values, s => Assert.True(Model.Snapshots.ContainsKey(s), $"{s} of an image is gone after {after}"));
        if (Model.Instances.Count == 0)
        {
            return;
        }

        var instances = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.SelectMany(r => r.Instances).ToList();
        Assert.Equal(Model.Instances.Keys.Select(i => i.Value).Order(StringComparer.Ordinal), instances.Select(i => i.InstanceId.Value).Order(StringComparer.Ordinal));
        foreach (var instance in instances)
        {
            var expected = Model.Attachments.Where(p => p.Value.Instance == instance.InstanceId).Select(p => $"{p.Value.Device}={p.Key}").Order(StringComparer.Ordinal);
            Assert.True(Model.Instances[instance.InstanceId].StateAt(Now) == instance.State.Name, $"{instance.InstanceId} is {instance.State.Name}, the model says {Model.Instances[instance.InstanceId]} after {after}");
            Assert.Equal(expected, instance.BlockDeviceMappings.Select(m => $"{m.DeviceName}={m.Ebs.VolumeId}").Order(StringComparer.Ordinal));
        }

        foreach (var volume in await Ec2.ListVolumesAsync())
        {
            Assert.True(Model.Attachments.ContainsKey(volume.VolumeId) == (volume.State == VolumeState.InUse), $"{volume.VolumeId} is {volume.State} after {after}");
        }
    }

    private static long LedgerLevel(World world, UsageType type)
        => world.Table(RecordKinds.Usage).Values.Where(e => e.Type == type).Sum(e => e.LevelChange);
}
