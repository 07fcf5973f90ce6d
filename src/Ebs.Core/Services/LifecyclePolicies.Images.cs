using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// AMI policies: a run captures each targeted instance as an image through CreateImage's path,
/// with the policy's tags on the image and its snapshots; retention deregisters an image (into the
/// Recycle Bin when a rule retains images) and deletes its snapshots, as DeregisterImage with
/// DeleteAssociatedSnapshots does; deprecation sets the image's deprecation time.
/// Images are grouped per instance by the volume their root snapshot was taken of.
/// </summary>
internal static partial class LifecyclePolicies
{
    private static void RunImages(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy, Schedule schedule)
    {
        var ec2 = new Ec2Client(engine, policy.AccountId, policy.Region);
        var noReboot = policy.Details.Parameters?.NoReboot ?? true;
        var consistency = noReboot ? SnapshotConsistency.CrashConsistent : SnapshotConsistency.ApplicationConsistent;
        var created = new List<ImageRecord>();
        foreach (var (volumes, instanceId, sourceTags) in Targets(ec2, m, policy))
        {
            var tags = CreatedTags(policy, schedule, sourceTags, instanceId, m.Now);
            var request = new CreateImageRequest
            {
                InstanceId = instanceId!.Value,
                Name = string.Create(CultureInfo.InvariantCulture, $"{policy.PolicyId}_{instanceId}_{m.Now.UtcDateTime:yyyy-MM-dd'T'HH-mm-ss}"),
                Description = $"Created for policy: {policy.PolicyId} schedule: {schedule.Name}",
                NoReboot = noReboot,
            };
            try
            {
                var id = ec2.CaptureImage(m, request, [], TagList.Of(tags), tags, consistency);
                var image = m.World.Images[id];
                if (schedule.DeprecateRule is { Interval: { } interval, IntervalUnit: { } unit })
                {
                    image = image with { DeprecateAt = ScheduleTiming.Expiry(m.Now, interval, unit) };
                    m.SetImage(image);
                }

                created.Add(image);
            }
            catch (EbsException)
            {
                // An instance-store root or a name taken: PlanImage refuses before anything changes.
            }
        }

        foreach (var image in created)
        {
            if (schedule.RetainRule is { Interval: { } interval, IntervalUnit: { } unit })
            {
                m.Schedule(ScheduleTiming.Expiry(image.View.CreationDate, interval, unit), ExpiryEffect, image.Id.Value);
            }
        }

        var groups = ImageGroups(m.World, policy, schedule.Name);
        foreach (var key in created.Select(i => RootVolume(m.World, i)).Distinct())
        {
            var group = groups[key];
            if (schedule.DeprecateRule is { Count: { } keep })
            {
                foreach (var old in group.SkipLast(keep).Where(i => i.DeprecateAt is null))
                {
                    m.SetImage(old with { DeprecateAt = m.Now });
                }
            }

            ApplyImageRetention(engine, m, schedule.RetainRule, ImageGroups(m.World, policy, schedule.Name)[key]);
        }
    }

    private static void ExpireImage(CloudEngine engine, Mutation m, ImageId id)
    {
        if (ManagedImage(m.World, id) is var (image, policy, schedule)
            && ImageGroups(m.World, policy, schedule.Name).GetValueOrDefault(RootVolume(m.World, image)) is { } group && group[^1].Id != image.Id)
        {
            TryDeregister(engine, m, image);
        }
    }

    private static void RetainImages(CloudEngine engine, Mutation m, ImageId id)
    {
        if (ManagedImage(m.World, id) is var (image, policy, schedule)
            && ImageGroups(m.World, policy, schedule.Name).GetValueOrDefault(RootVolume(m.World, image)) is { } group)
        {
            ApplyImageRetention(engine, m, schedule.RetainRule, group);
        }
    }

    private static void SweepImages(CloudEngine engine, Mutation m, LifecyclePolicyRecord policy)
    {
        foreach (var schedule in policy.Details.Schedules.Where(s => s.RetainRule.Count is null))
        {
            foreach (var group in ImageGroups(m.World, policy, schedule.Name).Values)
            {
                ApplyImageRetention(engine, m, schedule.RetainRule, group);
            }
        }
    }

    private static void ApplyImageRetention(CloudEngine engine, Mutation m, RetainRule rule, List<ImageRecord> group)
    {
        var expired = rule.Count is { } count
            ? group.Take(Math.Max(0, group.Count - count))
            : group.SkipLast(1).Where(i => ScheduleTiming.Expiry(i.View.CreationDate, rule.Interval!.Value, rule.IntervalUnit!.Value) <= m.Now);
        foreach (var image in expired.ToList())
        {
            TryDeregister(engine, m, image);
        }
    }

    /// <summary>
    /// Deregisters an image retention lets go, and deletes its snapshots no other image uses. One
    /// still pending is kept until it is available, when retention is applied again; one with
    /// deregistration protection is kept, as AWS's deregistration would fail.
    /// </summary>
    private static void TryDeregister(CloudEngine engine, Mutation m, ImageRecord image)
    {
        if (m.Now < image.AvailableAt)
        {
            m.Schedule(image.AvailableAt, RetainEffect, image.Id.Value);
            return;
        }

        if (image.Protection is { } protection && protection.Protects(m.Now))
        {
            return;
        }

        RecycleBin.Delete(m, image);
        foreach (var snapshotId in image.View.SnapshotIds)
        {
            if (!Ec2Client.ImagesUsing(m.World, snapshotId).Any() && m.World.Snapshots.GetValueOrDefault(snapshotId) is { RecycleBin: null } snapshot)
            {
                TryDelete(engine, m, snapshot);
            }
        }
    }

    private static (ImageRecord Image, LifecyclePolicyRecord Policy, Schedule Schedule)? ManagedImage(World world, ImageId id)
        => world.Images.GetValueOrDefault(id) is { RecycleBin: null } image
            && image.View.Tags.TryGetValue(LifecyclePolicyRecord.PolicyIdTag, out var policyId)
            && image.View.Tags.TryGetValue(LifecyclePolicyRecord.ScheduleNameTag, out var name)
            && Find(world, policyId) is { IsEnabled: true } policy && policy.AccountId == image.View.OwnerId
            && policy.FindSchedule(name) is { } schedule
                ? (image, policy, schedule)
                : null;

    /// <summary>The schedule's images outside the bin, per instance (the volume of the root snapshot), oldest first.</summary>
    private static Dictionary<VolumeId, List<ImageRecord>> ImageGroups(World world, LifecyclePolicyRecord policy, string scheduleName)
        => world.Images.Values
            .Where(i => i.View.OwnerId == policy.AccountId && i.View.Region == policy.Region && i.RecycleBin is null
                && i.View.Tags.TryGetValue(LifecyclePolicyRecord.PolicyIdTag, out var id) && id == policy.PolicyId
                && i.View.Tags.TryGetValue(LifecyclePolicyRecord.ScheduleNameTag, out var name) && name == scheduleName)
            .GroupBy(i => RootVolume(world, i))
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.View.CreationDate).ThenBy(i => i.Id.Value, StringComparer.Ordinal).ToList());

    private static VolumeId RootVolume(World world, ImageRecord image)
    {
        var root = image.View.BlockDeviceMappings.FirstOrDefault(b => b.DeviceName == image.View.RootDeviceName) ?? image.View.BlockDeviceMappings[0];
        return world.Snapshots.GetValueOrDefault(root.Ebs.SnapshotId)?.VolumeId ?? Ec2Client.CopiedSnapshotVolumeId;
    }
}
