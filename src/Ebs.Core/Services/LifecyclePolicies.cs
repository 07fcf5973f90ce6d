using System.Collections.Immutable;
using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// What Data Lifecycle Manager policies do on the scheduler: each schedule of an enabled policy
/// has one due event at its next run, which snapshots every targeted volume (or the volumes of
/// every targeted instance), applies the schedule's retention to them and schedules the next run.
/// Age-based retention and cross-Region copies are events of their own, at the snapshot's expiry
/// and completion. Only snapshots carrying the policy's tags are ever deleted, through
/// <see cref="RecycleBin.Delete(CloudEngine, Mutation, SnapshotRecord)"/> like DeleteSnapshot.
/// A run that cannot snapshot a target (five snapshots pending, an instance not running or
/// stopped) skips it; a snapshot retention cannot delete (used by an image, Fast Snapshot Restore
/// on) is kept.
/// </summary>
internal static partial class LifecyclePolicies
{
    /// <summary>The due effect of one run of a schedule; its target is <c>{policy-id}/{schedule name}</c>.</summary>
    public const string RunEffect = "dlm-run";

    /// <summary>The due effect that deletes a snapshot or copy whose age-based retention ran out.</summary>
    public const string ExpiryEffect = "dlm-expiry";

    /// <summary>The due effect that applies count-based retention again once a snapshot it had to keep while pending completes.</summary>
    public const string RetainEffect = "dlm-retain";

    /// <summary>The due effect that copies a completed snapshot to the Regions of its schedule's copy rules.</summary>
    public const string CopyEffect = "dlm-copy";

    /// <summary>The value of <c>$(timestamp)</c>: the run's instant, UTC, to the millisecond.</summary>
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Schedules the next run of every schedule of <paramref name="policy"/> after <see cref="Mutation.Now"/>.</summary>
    public static LifecyclePolicyRecord Start(Mutation m, LifecyclePolicyRecord policy)
    {
        var runs = policy.NextRuns.Clear();
        foreach (var schedule in policy.Details.Schedules)
        {
            if (ScheduleTiming.Next(schedule.CreateRule, m.Now, policy.DateCreated) is { } next)
            {
                runs = runs.SetItem(schedule.Name, next);
                m.Schedule(next, RunEffect, RunTarget(policy.PolicyId, schedule.Name));
            }
        }

        return policy with { NextRuns = runs };
    }

    /// <summary>Cancels every pending run of <paramref name="policy"/>.</summary>
    public static LifecyclePolicyRecord Stop(Mutation m, LifecyclePolicyRecord policy)
    {
        foreach (var (name, at) in policy.NextRuns)
        {
            m.Unschedule(new DueEvent(at, RunEffect, RunTarget(policy.PolicyId, name)));
        }

        return policy with { NextRuns = policy.NextRuns.Clear() };
    }

    /// <summary>
    /// Deletes what age-based retention would have deleted while the policy was disabled: on
    /// enabling, as AWS resumes deleting snapshots whose retention ran out.
    /// </summary>
    public static void Sweep(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy)
    {
        if (policy.Details.PolicyType == PolicyTypeValues.ImageManagement)
        {
            SweepImages(engine, m, policy);
            return;
        }

        foreach (var schedule in policy.Details.Schedules)
        {
            if (schedule.RetainRule is { Interval: { } interval, IntervalUnit: { } unit })
            {
                foreach (var group in Groups(m.World, policy, schedule.Name).Values)
                {
                    foreach (var snapshot in Expired(schedule, group, interval, unit, m.Now))
                    {
                        LetGo(engine, m, policy, schedule, snapshot);
                    }
                }
            }

            SweepArchived(engine, m, policy, schedule);
            foreach (var rule in schedule.CrossRegionCopyRules)
            {
                if (rule.RetainRule is { } retain)
                {
                    foreach (var copy in Created(m.World, policy, schedule.Name, rule.TargetRegion).Where(s => ScheduleTiming.Expiry(s.StartTime, retain.Interval, retain.IntervalUnit) <= m.Now).ToList())
                    {
                        TryDelete(engine, m, copy);
                    }
                }
            }
        }
    }

    /// <summary>The effect of <see cref="RunEffect"/>: one run of one schedule, at its instant.</summary>
    public static void Run(CloudEngine engine, Mutation m, DueEvent due)
    {
        var (policyId, name) = ParseRunTarget(due.Target);
        if (Find(m.World, policyId) is not { } policy || !policy.NextRuns.TryGetValue(name, out var at) || at != due.Due || policy.FindSchedule(name) is not { } schedule)
        {
            return;
        }

        if (policy.Details.PolicyType == PolicyTypeValues.ImageManagement)
        {
            RunImages(engine, m, policy, schedule);
        }
        else
        {
            RunSnapshots(engine, m, policy, schedule);
        }

        var next = ScheduleTiming.Next(schedule.CreateRule, due.Due, policy.DateCreated);
        m.Set(RecordKinds.LifecyclePolicy, policy with { NextRuns = next is { } n ? policy.NextRuns.SetItem(name, n) : policy.NextRuns.Remove(name) });
        if (next is { } nextRun)
        {
            m.Schedule(nextRun, RunEffect, due.Target);
        }
    }

    /// <summary>A snapshot policy's run: a snapshot of each targeted volume (or set of each instance), its expiry and copies scheduled, count retention applied.</summary>
    private static void RunSnapshots(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy, Schedule schedule)
    {
        var ec2 = new Ec2Client(engine, policy.AccountId, policy.Region);
        var created = new List<SnapshotRecord>();
        foreach (var (volumes, instanceId, sourceTags) in Targets(ec2, m, policy))
        {
            var tags = CreatedTags(policy, schedule, sourceTags, instanceId, m.Now);
            var description = $"Created for policy: {policy.PolicyId} schedule: {schedule.Name}";
            created.AddRange(volumes.Select(volume => ec2.TakeSnapshot(m, volume, description, tags, SnapshotConsistency.CrashConsistent)));
        }

        foreach (var snapshot in created)
        {
            if (schedule.RetainRule is { Interval: { } interval, IntervalUnit: { } unit })
            {
                m.Schedule(ScheduleTiming.Expiry(snapshot.StartTime, interval, unit), ExpiryEffect, snapshot.Id.Value);
            }

            if (schedule.CrossRegionCopyRules.Count > 0)
            {
                m.Schedule(snapshot.CompletesAt, CopyEffect, snapshot.Id.Value);
            }

            if (schedule.ShareRules.Count > 0 || schedule.FastRestoreRule is not null)
            {
                m.Schedule(snapshot.CompletesAt, CompletedEffect, snapshot.Id.Value);
            }
        }

        foreach (var volumeId in created.Select(s => s.VolumeId).Distinct())
        {
            ApplyRetention(engine, m, policy, schedule, Group(m, policy, schedule.Name, volumeId));
        }
    }

    /// <summary>The effect of <see cref="ExpiryEffect"/>: a snapshot (never the newest of its volume) or a copy whose age ran out is deleted, while its policy is enabled.</summary>
    public static void Expire(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (due.Target.StartsWith(ImageId.Prefix, StringComparison.Ordinal))
        {
            ExpireImage(engine, m, ImageId.Parse(due.Target));
            return;
        }

        if (Managed(m.World, due.Target) is not var (snapshot, policy, schedule))
        {
            return;
        }

        if (snapshot.Region != policy.Region)
        {
            TryDelete(engine, m, snapshot);
        }
        else if (snapshot.Tags.ContainsKey(ArchivedTag))
        {
            ExpireArchived(engine, m, snapshot);
        }
        else if (schedule.ArchiveRule is not null)
        {
            LetGo(engine, m, policy, schedule, snapshot);
        }
        else if (Group(m, policy, schedule.Name, snapshot.VolumeId) is [.., var newest] && newest.Id != snapshot.Id)
        {
            LetGo(engine, m, policy, schedule, snapshot);
        }
    }

    /// <summary>The effect of <see cref="RetainEffect"/>: count-based retention of the snapshot's volume again, now that it completed.</summary>
    public static void Retain(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (due.Target.StartsWith(ImageId.Prefix, StringComparison.Ordinal))
        {
            RetainImages(engine, m, ImageId.Parse(due.Target));
            return;
        }

        if (Managed(m.World, due.Target) is var (snapshot, policy, schedule) && snapshot.Region == policy.Region
            && Group(m, policy, schedule.Name, snapshot.VolumeId) is { Count: > 0 } group)
        {
            ApplyRetention(engine, m, policy, schedule, group);
        }
    }

    /// <summary>The effect of <see cref="CopyEffect"/>: the completed snapshot is copied to each copy rule's Region, with that rule's retention.</summary>
    public static async ValueTask CopyAsync(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (Managed(m.World, due.Target) is not var (snapshot, policy, schedule) || !snapshot.IsReadableAt(m.Now))
        {
            return;
        }

        foreach (var rule in schedule.CrossRegionCopyRules)
        {
            var tags = rule.CopyTags ? UserTags(snapshot.Tags) : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
            tags = tags.SetItem(LifecyclePolicyRecord.PolicyIdTag, policy.PolicyId).SetItem(LifecyclePolicyRecord.ScheduleNameTag, schedule.Name);
            var target = new Ec2Client(engine, policy.AccountId, rule.TargetRegion);
            var description = $"Copied for policy: {policy.PolicyId} schedule: {schedule.Name} from {snapshot.Id} ({snapshot.Region})";
            SnapshotRecord copy;
            try
            {
                // An encrypted source stays encrypted (a copy rule names no key here).
                copy = await target.CopyIntoAsync(m, snapshot, description, tags, encrypted: null, kmsKeyId: null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InvalidKmsKeyInvalidState)
            {
                // As AWS: a copy whose key is not usable fails; nothing was stored, the policy goes on.
                continue;
            }

            if (rule.RetainRule is { } retain)
            {
                m.Schedule(ScheduleTiming.Expiry(copy.StartTime, retain.Interval, retain.IntervalUnit), ExpiryEffect, copy.Id.Value);
            }
        }
    }

    public static LifecyclePolicyRecord? Find(World world, string policyId) => world.Table(RecordKinds.LifecyclePolicy).GetValueOrDefault(policyId);

    private static string RunTarget(string policyId, string scheduleName) => $"{policyId}/{scheduleName}";

    private static (string PolicyId, string ScheduleName) ParseRunTarget(string target)
    {
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        return (target[..slash], target[(slash + 1)..]);
    }

    /// <summary>A snapshot outside the bin, with the policy and schedule its tags name, while that policy is enabled and has that schedule.</summary>
    private static (SnapshotRecord Snapshot, LifecyclePolicyRecord Policy, Schedule Schedule)? Managed(World world, string snapshotId)
        => world.Snapshots.GetValueOrDefault(SnapshotId.Parse(snapshotId)) is { RecycleBin: null } snapshot
            && snapshot.Tags.TryGetValue(LifecyclePolicyRecord.PolicyIdTag, out var policyId)
            && snapshot.Tags.TryGetValue(LifecyclePolicyRecord.ScheduleNameTag, out var name)
            && Find(world, policyId) is { IsEnabled: true } policy && policy.AccountId == snapshot.OwnerId
            && policy.FindSchedule(name) is { } schedule
                ? (snapshot, policy, schedule)
                : null;

    /// <summary>The targets of a run: each targeted volume alone, or each targeted instance's volumes as a set, with the tags CopyTags copies.</summary>
    private static IEnumerable<(List<VolumeRecord> Volumes, InstanceId? Instance, TagList SourceTags)> Targets(Ec2Client ec2, Mutation m, LifecyclePolicyRecord policy)
    {
        var world = m.World;
        if (policy.Details.ResourceTypes.Contains(ResourceTypeValues.Instance))
        {
            foreach (var instance in world.Instances.Values.Where(i => i.OwnerId == policy.AccountId && i.Region == policy.Region && policy.Targets(i.Tags.Items)).OrderBy(i => i.InstanceId.Value, StringComparer.Ordinal).ToList())
            {
                List<VolumeRecord> set;
                try
                {
                    set = ec2.SnapshotSet(world, m.Now, new InstanceSpecification { InstanceId = instance.InstanceId, ExcludeBootVolume = policy.Details.Parameters?.ExcludeBootVolume ?? false });
                }
                catch (EbsException)
                {
                    continue;
                }

                if (set.All(v => CanSnapshot(v, m.Now)))
                {
                    yield return (set, instance.InstanceId, instance.Tags);
                }
            }

            yield break;
        }

        foreach (var volume in world.Volumes.Values
            .Where(v => v.View.OwnerId == policy.AccountId && v.View.Region == policy.Region && !v.Importing && policy.Targets(v.View.Tags.Items) && CanSnapshot(v, m.Now))
            .OrderBy(v => v.Id.Value, StringComparer.Ordinal)
            .ToList())
        {
            yield return ([volume], volume.View.Attachments.FirstOrDefault()?.InstanceId, volume.View.Tags);
        }
    }

    private static bool CanSnapshot(VolumeRecord volume, DateTimeOffset now)
        => SnapshotQueue.PendingAt(volume.SnapshotCompletions, now) < Ec2Client.MaxPendingSnapshotsPerVolume;

    /// <summary>A DLM snapshot's tags: the source's user tags (CopyTags), TagsToAdd and VariableTags with their variables replaced, and DLM's own two.</summary>
    private static ImmutableSortedDictionary<string, string> CreatedTags(LifecyclePolicyRecord policy, Schedule schedule, TagList source, InstanceId? instanceId, DateTimeOffset now)
    {
        var tags = schedule.CopyTags ? UserTags(source.Items) : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        var timestamp = now.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        foreach (var tag in schedule.TagsToAdd.Concat(schedule.VariableTags))
        {
            var value = (tag.Value ?? string.Empty).Replace("$(timestamp)", timestamp, StringComparison.Ordinal);
            tags = tags.SetItem(tag.Key, instanceId is { } id ? value.Replace("$(instance-id)", id.Value, StringComparison.Ordinal) : value);
        }

        return tags.SetItem(LifecyclePolicyRecord.PolicyIdTag, policy.PolicyId).SetItem(LifecyclePolicyRecord.ScheduleNameTag, schedule.Name);
    }

    private static ImmutableSortedDictionary<string, string> UserTags(IEnumerable<KeyValuePair<string, string>> tags)
        => tags.Where(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)).ToImmutableSortedDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    /// <summary>The snapshots outside the bin that <paramref name="policy"/>'s schedule created in <paramref name="region"/>.</summary>
    private static IEnumerable<SnapshotRecord> Created(World world, LifecyclePolicyRecord policy, string scheduleName, string region)
        => world.Snapshots.Values.Where(s => IsCreatedBy(s, policy, scheduleName, region));

    private static bool IsCreatedBy(SnapshotRecord s, LifecyclePolicyRecord policy, string scheduleName, string region)
        => s.OwnerId == policy.AccountId && s.Region == region && s.RecycleBin is null
            && s.Tags.TryGetValue(LifecyclePolicyRecord.PolicyIdTag, out var id) && id == policy.PolicyId
            && s.Tags.TryGetValue(LifecyclePolicyRecord.ScheduleNameTag, out var name) && name == scheduleName;

    /// <summary>The schedule's snapshots in the policy's Region and its standard tier (none it archived), per volume, oldest first.</summary>
    private static Dictionary<VolumeId, List<SnapshotRecord>> Groups(World world, LifecyclePolicyRecord policy, string scheduleName)
        => Created(world, policy, scheduleName, policy.Region)
            .Where(s => !s.Tags.ContainsKey(ArchivedTag))
            .GroupBy(s => s.VolumeId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartTime).ThenBy(s => s.CompletesAt).ToList());

    /// <summary>The schedule's snapshots of one volume in the policy's Region and its standard tier, oldest first (as <see cref="Groups"/>, through the change's index by volume).</summary>
    private static List<SnapshotRecord> Group(Mutation m, LifecyclePolicyRecord policy, string scheduleName, VolumeId volumeId)
        => [.. m.SnapshotsOfVolume(volumeId)
            .Where(s => IsCreatedBy(s, policy, scheduleName, policy.Region) && !s.Tags.ContainsKey(ArchivedTag))
            .OrderBy(s => s.StartTime)
            .ThenBy(s => s.CompletesAt)];

    /// <summary>Count-based retention: all but the newest <see cref="RetainRule.Count"/> go (age-based retention is by events and sweeps).</summary>
    private static void ApplyRetention(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy, Schedule schedule, List<SnapshotRecord> group)
    {
        if (schedule.RetainRule.Count is { } count)
        {
            foreach (var snapshot in group.Take(Math.Max(0, group.Count - count)))
            {
                LetGo(engine, m, policy, schedule, snapshot);
            }
        }
        else if (schedule.RetainRule is { Interval: { } interval, IntervalUnit: { } unit })
        {
            foreach (var snapshot in Expired(schedule, group, interval, unit, m.Now))
            {
                LetGo(engine, m, policy, schedule, snapshot);
            }
        }
    }

    /// <summary>The snapshots of a volume whose age ran out: never the newest when retention deletes (AWS's rule); any when it archives.</summary>
    private static IEnumerable<SnapshotRecord> Expired(Schedule schedule, List<SnapshotRecord> group, int interval, RetentionIntervalUnitValues unit, DateTimeOffset now)
        => (schedule.ArchiveRule is null ? group.SkipLast(1) : group).Where(s => ScheduleTiming.Expiry(s.StartTime, interval, unit) <= now).ToList();

    /// <summary>
    /// Deletes a snapshot retention lets go, as DeleteSnapshot would. One still pending is kept
    /// until it completes, when retention is applied again (UNCONFIRMED: AWS documents no case;
    /// deleting a backup that is not yet whole is what it would least plausibly do). One an image
    /// uses, or that Fast Snapshot Restore holds, is kept, as AWS's deletion would fail.
    /// </summary>
    private static void TryDelete(CloudEngine engine, Mutation m, SnapshotRecord snapshot)
    {
        if (!snapshot.IsCompletedAt(m.Now))
        {
            m.Schedule(snapshot.CompletesAt, RetainEffect, snapshot.Id.Value);
            return;
        }

        if (Ec2Client.ImagesUsing(m.World, snapshot.Id).Any())
        {
            return;
        }

        try
        {
            RecycleBin.Delete(engine, m, snapshot);
        }
        catch (EbsException)
        {
            // Fast Snapshot Restore is enabled: RecycleBin.Delete refuses before changing anything.
        }
    }
}
