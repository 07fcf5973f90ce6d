using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// A snapshot schedule's share, fast restore and archive rules. Sharing and Fast Snapshot Restore
/// start when a snapshot completes (an event at that instant), through ModifySnapshotAttribute's
/// and EnableFastSnapshotRestores' paths; unsharing and an age-based end of Fast Snapshot Restore
/// are events at their instants. With an archive rule, what retention lets go is archived through
/// ModifySnapshotTier's path (which ends its shares and Fast Snapshot Restore) and tagged
/// <see cref="ArchivedTag"/>; the archive rule's own retention then deletes it.
/// </summary>
internal static partial class LifecyclePolicies
{
    /// <summary>The tag DLM puts on the snapshots it archived (AWS's system tag).</summary>
    public const string ArchivedTag = "aws:dlm:archived";

    /// <summary>The due effect that shares a completed snapshot and enables its Fast Snapshot Restore.</summary>
    public const string CompletedEffect = "dlm-completed";

    /// <summary>The due effect that unshares a snapshot once its share rule's unshare period ran out.</summary>
    public const string UnshareEffect = "dlm-unshare";

    /// <summary>The due effect that disables a snapshot's Fast Snapshot Restore once its fast restore rule's period ran out.</summary>
    public const string FastRestoreEndsEffect = "dlm-fast-restore-ends";

    /// <summary>The effect of <see cref="CompletedEffect"/>: the snapshot is shared with the share rule's accounts and Fast Snapshot Restore is enabled in the rule's zones.</summary>
    public static void Completed(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (Managed(m.World, due.Target) is not var (snapshot, policy, schedule) || snapshot.Region != policy.Region || !snapshot.IsCompletedAt(m.Now) || !snapshot.IsStandardTierOnly)
        {
            return;
        }

        if (schedule.ShareRules is [var share, ..])
        {
            Share(m, snapshot, share);
        }

        if (schedule.FastRestoreRule is { } fast)
        {
            var ec2 = new Ec2Client(engine, policy.AccountId, policy.Region);
            ec2.EnableFastSnapshotRestores(m, snapshot.Id, fast.AvailabilityZones);
            if (fast is { Interval: { } interval, IntervalUnit: { } unit })
            {
                m.Schedule(ScheduleTiming.Expiry(m.Now, interval, unit), FastRestoreEndsEffect, snapshot.Id.Value);
            }
            else if (fast.Count is { } count)
            {
                foreach (var older in Group(m, policy, schedule.Name, snapshot.VolumeId).Where(s => s.IsCompletedAt(m.Now)).SkipLast(count))
                {
                    ec2.DisableFastSnapshotRestores(m, older.Id, fast.AvailabilityZones);
                }
            }
        }
    }

    /// <summary>The effect of <see cref="UnshareEffect"/>: the share rule's accounts lose the snapshot.</summary>
    public static void Unshare(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (Managed(m.World, due.Target) is var (snapshot, _, schedule) && schedule.ShareRules is [var share, ..])
        {
            Ec2Client.SetCreateVolumePermissions(m, snapshot, snapshot.CreateVolumePermissions.Except(share.TargetAccounts));
        }
    }

    /// <summary>The effect of <see cref="FastRestoreEndsEffect"/>: the snapshot's Fast Snapshot Restore in the rule's zones is disabled.</summary>
    public static void FastRestoreEnds(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (Managed(m.World, due.Target) is var (snapshot, policy, schedule) && schedule.FastRestoreRule is { } fast)
        {
            new Ec2Client(engine, policy.AccountId, policy.Region).DisableFastSnapshotRestores(m, snapshot.Id, fast.AvailabilityZones);
        }
    }

    /// <summary>Shares a snapshot as ModifySnapshotAttribute would; one the sharing rules refuse (an encrypted snapshot under the AWS managed key) stays unshared, as AWS's policy fails to share it.</summary>
    private static void Share(Mutation m, SnapshotRecord snapshot, ShareRule share)
    {
        try
        {
            Sharing.CheckShare(m.World, snapshot, share.TargetAccounts);
        }
        catch (EbsException)
        {
            return;
        }

        Ec2Client.SetCreateVolumePermissions(m, snapshot, snapshot.CreateVolumePermissions.Union(share.TargetAccounts));
        if (share is { UnshareInterval: { } interval, UnshareIntervalUnit: { } unit })
        {
            m.Schedule(ScheduleTiming.Expiry(m.Now, interval, unit), UnshareEffect, snapshot.Id.Value);
        }
    }

    /// <summary>
    /// What retention does with a snapshot it no longer keeps in the standard tier: archives it
    /// with an archive rule, else deletes it, its Fast Snapshot Restore from the schedule's rule
    /// disabled first (AWS's DLM disables what it enabled before deleting).
    /// </summary>
    private static void LetGo(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy, Schedule schedule, SnapshotRecord snapshot)
    {
        if (schedule.ArchiveRule is { } archive)
        {
            TryArchive(engine, m, policy, schedule, archive.RetainRule.RetentionArchiveTier, snapshot);
            return;
        }

        if (schedule.FastRestoreRule is { } fast && snapshot.IsCompletedAt(m.Now))
        {
            new Ec2Client(engine, policy.AccountId, policy.Region).DisableFastSnapshotRestores(m, snapshot.Id, fast.AvailabilityZones);
        }

        TryDelete(engine, m, snapshot);
    }

    /// <summary>
    /// Archives a snapshot as ModifySnapshotTier does and applies the archive tier's retention.
    /// One still pending is archived when it completes (retention applied again then); one an
    /// image uses is kept, as AWS's archiving would fail; one archived or restored by hand is no
    /// longer managed (AWS's rule).
    /// </summary>
    private static void TryArchive(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy, Schedule schedule, RetentionArchiveTier tier, SnapshotRecord snapshot)
    {
        if (!snapshot.IsCompletedAt(m.Now))
        {
            m.Schedule(snapshot.CompletesAt, RetainEffect, snapshot.Id.Value);
            return;
        }

        if (!snapshot.IsStandardTierOnly || Ec2Client.ImagesUsing(m.World, snapshot.Id).Any())
        {
            return;
        }

        SnapshotTiering.StartArchival(engine, m, snapshot);
        var archived = m.World.Snapshots[snapshot.Id];
        m.SetSnapshot(archived with { Tags = archived.Tags.SetItem(ArchivedTag, "true") });
        if (tier is { Interval: { } interval, IntervalUnit: { } unit })
        {
            m.Schedule(ArchiveExpiry(m.Now, interval, unit), ExpiryEffect, snapshot.Id.Value);
        }
        else if (tier.Count is { } count)
        {
            var archivedGroup = m.SnapshotsOfVolume(snapshot.VolumeId)
                .Where(s => IsCreatedBy(s, policy, schedule.Name, policy.Region) && s.Tags.ContainsKey(ArchivedTag) && s.Archive is { Status: TieringOperationStatus.ArchivalInProgress or TieringOperationStatus.ArchivalCompleted })
                .OrderBy(s => s.Archive!.StartTime)
                .ThenBy(s => s.StartTime)
                .ToList();
            foreach (var old in archivedGroup.Take(Math.Max(0, archivedGroup.Count - count)))
            {
                TryDelete(engine, m, old);
            }
        }
    }

    /// <summary>The instant a snapshot archived at <paramref name="archivedAt"/> leaves the archive tier: its period from archiving, at least 90 days.</summary>
    private static DateTimeOffset ArchiveExpiry(DateTimeOffset archivedAt, int interval, RetentionIntervalUnitValues unit)
    {
        // AWS keeps an archived snapshot 90 days even where months make the period shorter.
        var until = ScheduleTiming.Expiry(archivedAt, interval, unit);
        return until < archivedAt + ScheduleTiming.MinimumArchivePeriod ? archivedAt + ScheduleTiming.MinimumArchivePeriod : until;
    }

    /// <summary>Deletes the schedule's archived snapshots whose archive period ran out while the policy was disabled.</summary>
    private static void SweepArchived(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy, Schedule schedule)
    {
        if (schedule.ArchiveRule?.RetainRule.RetentionArchiveTier is { Interval: { } interval, IntervalUnit: { } unit })
        {
            foreach (var snapshot in Created(m.World, policy, schedule.Name, policy.Region).Where(s => s.Tags.ContainsKey(ArchivedTag) && s.Archive is { } a && ArchiveExpiry(a.StartTime, interval, unit) <= m.Now).ToList())
            {
                ExpireArchived(engine, m, snapshot);
            }
        }
    }

    /// <summary>Deletes a snapshot the schedule archived once its archive period ran out, unless it was restored meanwhile (AWS no longer manages it then).</summary>
    private static void ExpireArchived(CloudEngine engine, Mutation m, SnapshotRecord snapshot)
    {
        if (snapshot.Archive is { Status: TieringOperationStatus.ArchivalInProgress or TieringOperationStatus.ArchivalCompleted })
        {
            TryDelete(engine, m, snapshot);
        }
    }
}
