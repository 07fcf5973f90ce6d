using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Testing;

/// <summary>The cloud compared with a <see cref="ReferenceModel"/> of <see cref="TestCloud.Account"/> in <see cref="TestCloud.Region"/>.</summary>
internal static class ModelChecks
{
    public static async Task CheckAsync(EbsCloud cloud, ReferenceModel model, List<string> violations, CancellationToken cancellationToken)
    {
        var now = cloud.TimeProvider.GetUtcNow();
        var size = model.BlockSize;
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var recipient = cloud.Account(ModelDriver.Recipient).Ec2(TestCloud.Region);

        // Volumes read back their bytes, and zeros one block past the last the model knows.
        foreach (var (id, blocks) in model.Volumes)
        {
            var count = (int)(blocks.Keys.DefaultIfEmpty(-1).Max() + 2);
            var bytes = new byte[count * size];
            await ec2.ReadAtAsync(id, 0, bytes).ConfigureAwait(false);
            for (var block = 0; block < count; block++)
            {
                if (!model.Read(blocks, block).AsSpan().SequenceEqual(bytes.AsSpan(block * size, size)))
                {
                    violations.Add(EbsInvariants.Text($"{id} block {block} differs from the model"));
                }
            }
        }

        // Live, binned and archived snapshots, the recipient's copies and the copies in another Region hold exactly the model's blocks.
        var engine = cloud.Engine;
        var buffer = new byte[size];
        foreach (var (id, blocks) in model.Snapshots.Concat(model.Binned.Select(p => KeyValuePair.Create(p.Key, p.Value.Blocks))).Concat(model.RecipientCopies).Concat(model.RegionCopies))
        {
            if (engine.World.Snapshots.GetValueOrDefault(id) is not { } record)
            {
                violations.Add(EbsInvariants.Text($"{id} is lost: the model still holds it"));
                continue;
            }

            var stored = engine.Map.Enumerate(engine.Graph, record.Root).ToList();
            if (!blocks.Keys.Order().SequenceEqual(stored.Select(s => s.Index)))
            {
                violations.Add(EbsInvariants.Text($"{id} holds blocks [{string.Join(",", stored.Select(s => s.Index))}], the model [{string.Join(",", blocks.Keys.Order())}]"));
                continue;
            }

            foreach (var (index, chunk) in stored)
            {
                if (!await cloud.ChunkStore.TryReadAsync(chunk, buffer, cancellationToken).ConfigureAwait(false) || !blocks[index].AsSpan().SequenceEqual(buffer))
                {
                    violations.Add(EbsInvariants.Text($"{id} block {index} differs from the model"));
                }
            }
        }

        // Snapshot storage: each account's snapshots reference exactly its distinct blocks (dedup is
        // per account and Region). Volumes are left out: a volume keeps the map of its last snapshot
        // under the blocks written since, until its next snapshot freezes a new one.
        var referenced = engine.World.Snapshots.Values
            .GroupBy(s => (Account: s.OwnerId, s.Region))
            .ToDictionary(g => g.Key, g => g.SelectMany(s => engine.Map.Enumerate(engine.Graph, s.Root)).Select(e => e.Chunk).Distinct().Count());
        foreach (var (store, distinct) in model.DistinctBlocksByStore())
        {
            if (referenced.GetValueOrDefault(store) != distinct)
            {
                violations.Add(EbsInvariants.Text($"storage of {store.Account} in {store.Region}: its snapshots reference {referenced.GetValueOrDefault(store)} distinct chunks, the model holds {distinct} distinct blocks ({(long)distinct * size} bytes)"));
            }
        }

        // Standard storage: snapshots holding standard blocks (binned ones included) billed
        // incrementally, plus each temporarily restored copy at full size while it exists.
        // Each (account, Region) store's snapshots are billed among its own: lineages never cross stores.
        var billed = engine.World.Snapshots.Values.Where(s => s.HoldsStandardStorage).ToList();
        var temporaryCopies = engine.World.Snapshots.Values.Where(s => s.Archive?.IsTemporarilyRestoredAt(now) == true).Sum(s => s.BlockCount);
        var recount = (billed.GroupBy(s => (s.OwnerId, s.Region)).Sum(store => store.Sum(s => BilledStorage.IncrementalBlocks(engine.Map, engine.Graph, [.. store], s))) + temporaryCopies) * size;
        var ledger = engine.World.Table(RecordKinds.Usage).Values.Where(e => e.Type == UsageType.SnapshotStorage).Sum(e => e.LevelChange);
        if (recount != ledger)
        {
            violations.Add(EbsInvariants.Text($"the ledger's billed standard bytes ({ledger}) differ from a recount ({recount}): ") + string.Join("; ", billed
                .OrderBy(s => (s.StartTime, s.Id.Value))
                .Select(s => EbsInvariants.Text($"{s.Id} {s.StartTime:HH:mm:ss} lineage {s.Lineage} source {s.SourceSnapshotId} parent {BilledStorage.Parent(billed, s)?.Id} +{BilledStorage.IncrementalBlocks(engine.Map, engine.Graph, billed, s)}"))));
        }

        var listed = await ec2.ListSnapshotsAsync().ConfigureAwait(false);
        Same(violations, "live snapshots", model.Snapshots.Keys.Select(s => s.Value), listed.Select(s => s.SnapshotId.Value));
        foreach (var snapshot in listed)
        {
            var readable = model.TierAt(snapshot.SnapshotId, now)?.IsReadable ?? true;
            if ((readable ? StorageTier.Standard : StorageTier.Archive) != snapshot.StorageTier)
            {
                violations.Add(EbsInvariants.Text($"{snapshot.SnapshotId} is {snapshot.StorageTier}, the model says {model.TierAt(snapshot.SnapshotId, now)}"));
            }
        }

        // The recipient sees exactly the live snapshots shared with it (binned ones are hidden), and owns its copies.
        Same(
            violations,
            "snapshots shared with the recipient",
            model.Snapshots.Keys.Where(model.Shared.Contains).Select(s => s.Value),
            (await recipient.ListSnapshotsAsync(new() { OwnerIds = [TestCloud.Account] }).ConfigureAwait(false)).Select(s => s.SnapshotId.Value));
        var disasterRecovery = cloud.Account(TestCloud.Account).Ec2(ModelDriver.DisasterRecoveryRegion);
        Same(violations, "the copies in " + ModelDriver.DisasterRecoveryRegion, model.RegionCopies.Keys.Select(s => s.Value), (await disasterRecovery.ListSnapshotsAsync(new() { OwnerIds = ["self"] }).ConfigureAwait(false)).Select(s => s.SnapshotId.Value));
        Same(violations, "the recipient's copies", model.RecipientCopies.Keys.Select(s => s.Value), (await recipient.ListSnapshotsAsync(new() { OwnerIds = ["self"] }).ConfigureAwait(false)).Select(s => s.SnapshotId.Value));

        // Nothing in the Recycle Bin is lost before its time, nor kept after it.
        var bin = (await ec2.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest(), cancellationToken).ConfigureAwait(false)).Snapshots;
        Same(violations, "Recycle Bin", model.Binned.Select(p => EbsInvariants.Text($"{p.Key} until {p.Value.ExitTime:O}")), bin.Select(s => EbsInvariants.Text($"{s.SnapshotId} until {s.RecycleBinExitTime:O}")));
        var fastRestores = (await ec2.DescribeFastSnapshotRestoresAsync(new DescribeFastSnapshotRestoresRequest(), cancellationToken).ConfigureAwait(false))
            .FastSnapshotRestores.Where(r => r.State is not (FastSnapshotRestoreStateCode.Disabling or FastSnapshotRestoreStateCode.Disabled));
        Same(violations, "Fast Snapshot Restores", model.FastRestores.Select(s => s.Value), fastRestores.Select(r => r.SnapshotId.Value));
        Same(violations, "volumes", model.Volumes.Keys.Select(v => v.Value), (await ec2.ListVolumesAsync().ConfigureAwait(false)).Select(v => v.VolumeId.Value));
        await CheckInstancesAsync(ec2, model, now, violations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks images, instances and attachments: every image is the model's and its snapshot lives (was never
    /// deleted), every instance is in the model's state with the model's volumes as its devices.
    /// </summary>
    private static async Task CheckInstancesAsync(Ec2Client ec2, ReferenceModel model, DateTimeOffset now, List<string> violations, CancellationToken cancellationToken)
    {
        var images = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] }, cancellationToken).ConfigureAwait(false)).Images;
        Same(violations, "images", model.Images.Select(p => EbsInvariants.Text($"{p.Key} {p.Value}")), images.Select(i => EbsInvariants.Text($"{i.ImageId} {i.BlockDeviceMappings.FirstOrDefault()?.Ebs?.SnapshotId}")));
        violations.AddRange(model.Images.Values.Where(s => !model.Snapshots.ContainsKey(s)).Select(s => EbsInvariants.Text($"{s} of an image is gone")));
        if (model.Instances.Count == 0)
        {
            return;
        }

        var instances = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest(), cancellationToken).ConfigureAwait(false)).Reservations.SelectMany(r => r.Instances).ToList();
        Same(violations, "instances", model.Instances.Keys.Select(i => i.Value), instances.Select(i => i.InstanceId.Value));
        foreach (var instance in instances.Where(i => model.Instances.ContainsKey(i.InstanceId)))
        {
            if (model.Instances[instance.InstanceId].StateAt(now) != instance.State.Name)
            {
                violations.Add(EbsInvariants.Text($"{instance.InstanceId} is {instance.State.Name}, the model says {model.Instances[instance.InstanceId]}"));
            }

            Same(
                violations,
                EbsInvariants.Text($"devices of {instance.InstanceId}"),
                model.Attachments.Where(p => p.Value.Instance == instance.InstanceId).Select(p => $"{p.Value.Device}={p.Key}"),
                instance.BlockDeviceMappings.Select(m => $"{m.DeviceName}={m.Ebs.VolumeId}"));
        }

        foreach (var volume in await ec2.ListVolumesAsync().ConfigureAwait(false))
        {
            if (model.Attachments.ContainsKey(volume.VolumeId) != (volume.State == VolumeState.InUse))
            {
                violations.Add(EbsInvariants.Text($"{volume.VolumeId} is {volume.State}"));
            }
        }
    }

    /// <summary>Adds a violation naming what the model has that the cloud lacks, and the other way round.</summary>
    private static void Same(List<string> violations, string what, IEnumerable<string> model, IEnumerable<string> cloud)
    {
        var expected = model.ToHashSet(StringComparer.Ordinal);
        var actual = cloud.ToList();
        var missing = expected.Except(actual, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0 || actual.Count != expected.Count)
        {
            violations.Add($"{what}: the cloud lacks [{string.Join(", ", missing)}] and has besides [{string.Join(", ", extra)}]");
        }
    }
}
