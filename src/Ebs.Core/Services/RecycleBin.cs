using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The one way snapshots and images are deleted: a deletion consults the caller's Recycle Bin
/// retention rules and either moves the resource to the bin (until the longest matching rule's
/// retention runs out) or deletes it for good. DeleteSnapshot, DeregisterImage (and its
/// DeleteAssociatedSnapshots) go through here, and so must any later deleter, such as
/// lifecycle policies, so that the bin retains what they delete as AWS's does.
/// </summary>
internal static class RecycleBin
{
    /// <summary>The due effect that deletes a snapshot for good when its stay in the bin ends.</summary>
    public const string SnapshotExpiry = "rbin-snapshot-expiry";

    /// <summary>The due effect that deletes an image for good when its stay in the bin ends.</summary>
    public const string ImageExpiry = "rbin-image-expiry";

    /// <summary>
    /// Deletes a snapshot: into the bin when an available rule retains it (its Fast Snapshot
    /// Restore disabled), else for good (its unique blocks freed), which Fast Snapshot Restore
    /// still enabled in a zone refuses, as AWS does.
    /// </summary>
    /// <returns>Whether the snapshot went to the bin.</returns>
    /// <exception cref="EbsException"><c>InvalidSnapshot.InUse</c>, before anything changes, when it would be deleted for good with Fast Snapshot Restore enabled.</exception>
    public static bool Delete(CloudEngine engine, Mutation m, SnapshotRecord snapshot)
    {
        if (LongestRetention(m.World, snapshot.OwnerId, snapshot.Region, RecycleBinResourceType.EbsSnapshot, snapshot.Tags) is not { } days)
        {
            FastSnapshotRestores.CheckNotEnabled(m.World, snapshot.Id);
            Purge(engine, m, snapshot);
            return false;
        }

        // Its createVolumePermission stays stored but counts for nobody while it is in the bin (Sharing), so a restore reinstates it.
        FastSnapshotRestores.DisableAll(m, snapshot.Id, FastSnapshotRestoreRecord.SnapshotUnusable);
        var entry = new RecycleBinEntry(m.Now, m.Now.AddDays(days));
        m.SetSnapshot(snapshot with { RecycleBin = entry });
        m.Schedule(entry.ExitTime, SnapshotExpiry, snapshot.Id.Value);
        return true;
    }

    /// <summary>Deregisters an image: into the bin when an available rule retains it, else for good.</summary>
    public static void Delete(Mutation m, ImageRecord image)
    {
        if (LongestRetention(m.World, image.View.OwnerId, image.View.Region, RecycleBinResourceType.Ec2Image, image.View.Tags.Items) is not { } days)
        {
            m.RemoveImage(image.Id);
            return;
        }

        // Its launchPermission stays stored but counts for nobody while it is in the bin, so a restore reinstates it.
        var entry = new RecycleBinEntry(m.Now, m.Now.AddDays(days));
        m.SetImage(image with { RecycleBin = entry });
        m.Schedule(entry.ExitTime, ImageExpiry, image.Id.Value);
    }

    /// <summary>Takes a snapshot out of the bin, unchanged, and cancels its permanent deletion.</summary>
    public static SnapshotRecord Restore(Mutation m, SnapshotRecord snapshot)
    {
        m.Unschedule(new DueEvent(snapshot.RecycleBin!.ExitTime, SnapshotExpiry, snapshot.Id.Value));
        var restored = snapshot with { RecycleBin = null };
        m.SetSnapshot(restored);
        return restored;
    }

    /// <summary>Takes an image out of the bin, unchanged, and cancels its permanent deletion.</summary>
    public static void Restore(Mutation m, ImageRecord image)
    {
        m.Unschedule(new DueEvent(image.RecycleBin!.ExitTime, ImageExpiry, image.Id.Value));
        m.SetImage(image with { RecycleBin = null });
    }

    /// <summary>The due effect of <see cref="SnapshotExpiry"/>: the snapshot is deleted for good.</summary>
    public static void ExpireSnapshot(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Snapshots.GetValueOrDefault(SnapshotId.Parse(due.Target)) is { RecycleBin: not null } snapshot)
        {
            Purge(engine, m, snapshot);
        }
    }

    /// <summary>The due effect of <see cref="ImageExpiry"/>: the image is deleted for good.</summary>
    public static void ExpireImage(CloudEngine engine, Mutation m, DueEvent due)
    {
        var id = ImageId.Parse(due.Target);
        if (m.World.Images.GetValueOrDefault(id) is { RecycleBin: not null })
        {
            m.RemoveImage(id);
        }
    }

    /// <summary>
    /// The retention, in days, of the longest available rule of the account in the Region that
    /// retains a resource of <paramref name="type"/> with <paramref name="tags"/>; <see langword="null"/> when none does.
    /// </summary>
    public static int? LongestRetention(World world, string accountId, string region, RecycleBinResourceType type, IReadOnlyDictionary<string, string> tags)
        => world.Table(RecordKinds.RetentionRule).Values
            .Where(r => r.AccountId == accountId && r.Region == region && r.ResourceType == type && r.Retains(tags))
            .Select(r => (int?)r.RetentionDays)
            .Max();

    /// <summary>Deletes a snapshot for good: its archive copy settled (see <see cref="SnapshotTiering.Discard"/>), its unique blocks freed.</summary>
    private static void Purge(CloudEngine engine, Mutation m, SnapshotRecord snapshot)
    {
        SnapshotTiering.Discard(engine, m, snapshot);
        m.Refs.Release(snapshot.Root);
        m.RemoveSnapshot(snapshot.Id);
    }
}
