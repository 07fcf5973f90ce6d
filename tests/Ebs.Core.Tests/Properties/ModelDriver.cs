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

    public Ec2Client Ec2 => Cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

    /// <summary>Resolves an operation's targets, or returns <see langword="null"/> when it has none.</summary>
    public PlannedOp? Plan(ModelOp op)
    {
        var volumes = Model.Volumes.Keys.OrderBy(v => v.Value, StringComparer.Ordinal).ToList();
        var snapshots = Model.Snapshots.Keys.OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
        VolumeId? volume = volumes.Count > 0 ? volumes[op.Target % volumes.Count] : null;
        SnapshotId? snapshot = snapshots.Count > 0 ? snapshots[op.Target % snapshots.Count] : null;
        var data = new byte[op.Length];
        new Random(op.Seed).NextBytes(data);
        var needsVolume = op.Kind is ModelOpKind.Write or ModelOpKind.CreateSnapshot or ModelOpKind.DeleteVolume or ModelOpKind.InvalidCall;
        var needsSnapshot = op.Kind is ModelOpKind.DeleteSnapshot or ModelOpKind.CreateVolumeFromSnapshot or ModelOpKind.CopySnapshot;
        return (needsVolume && volume is null) || (needsSnapshot && snapshot is null) ? null : new PlannedOp(op.Kind, volume, snapshot, op.Offset, data, op.Seed);
    }

    public async Task ApplyAsync(PlannedOp op)
    {
        switch (op.Kind)
        {
            case ModelOpKind.CreateVolume:
                Model.AddVolume((await Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId, [], null);
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
                await Ec2.DeleteSnapshotAsync(op.Snapshot!.Value);
                Model.Snapshots.Remove(op.Snapshot.Value);
                break;
            case ModelOpKind.CreateVolumeFromSnapshot:
                var request = new CreateVolumeRequest { AvailabilityZone = "us-east-1b", SnapshotId = op.Snapshot };
                if ((await Ec2.DescribeSnapshotAsync(op.Snapshot!.Value)).State != SnapshotState.Completed)
                {
                    await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.CreateVolumeAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                Model.AddVolume((await Ec2.CreateVolumeAsync(request)).Volume.VolumeId, Model.Copy(Model.Snapshots[op.Snapshot.Value]), op.Snapshot);
                break;
            case ModelOpKind.CopySnapshot:
                if ((await Ec2.DescribeSnapshotAsync(op.Snapshot!.Value)).State != SnapshotState.Completed)
                {
                    await StateFingerprint.AssertUnchangedAsync(Cloud, () => Ec2.CopySnapshotHereAsync(TestCloud.Region, op.Snapshot.Value).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                Model.Snapshots[(await Ec2.CopySnapshotHereAsync(TestCloud.Region, op.Snapshot.Value)).SnapshotId] = Model.Copy(Model.Snapshots[op.Snapshot.Value]);
                break;
            case ModelOpKind.DeleteVolume:
                await Ec2.DeleteVolumeAsync(op.Volume!.Value);
                Model.RemoveVolume(op.Volume.Value);
                break;
            case ModelOpKind.AdvanceTime:
                time.Advance(TimeSpan.FromSeconds(op.Seed));
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

    /// <summary>
    /// Checks the cloud against the model: every live volume and snapshot reads back exactly,
    /// the stored chunks are exactly the reachable ones, and every count equals scrub's.
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
        foreach (var (id, blocks) in Model.Snapshots)
        {
            var stored = engine.Map.Enumerate(engine.Graph, engine.World.Snapshots[id].Root).ToList();
            Assert.Equal(blocks.Keys.Order(), stored.Select(s => s.Index));
            foreach (var (index, chunk) in stored)
            {
                Assert.True(await Cloud.ChunkStore.TryReadAsync(chunk, buffer));
                Assert.True(blocks[index].AsSpan().SequenceEqual(buffer), $"{id} block {index} after {after}");
            }
        }

        var billed = engine.World.Snapshots.Values.Where(s => s.HoldsStandardStorage).ToList();
        var recount = billed.Sum(s => BilledStorage.IncrementalBlocks(engine.Map, engine.Graph, billed, s)) * TestCloud.BlockSize;
        var ledger = LedgerLevel(engine.World, UsageType.SnapshotStorage);
        Assert.True(recount == ledger, $"the ledger's billed standard bytes ({ledger}) differ from a recount ({recount}) after {after}: " + string.Join("; ", billed
            .OrderBy(s => (s.StartTime, s.Id.Value))
            .Select(s => $"{s.Id} {s.StartTime:HH:mm:ss} lineage {s.Lineage} source {s.SourceSnapshotId} parent {BilledStorage.Parent(billed, s)?.Id} +{BilledStorage.IncrementalBlocks(engine.Map, engine.Graph, billed, s)}")));

        Assert.Equal(Model.Snapshots.Count, (await Ec2.ListSnapshotsAsync()).Count);
        Assert.Equal(Model.Volumes.Count, (await Ec2.ListVolumesAsync()).Count);
        var scrub = await Cloud.ScrubAsync();
        Assert.True(scrub.IsClean, $"scrub after {after}: {scrub}");
    }

    private static long LedgerLevel(World world, UsageType type)
        => world.Table(RecordKinds.Usage).Values.Where(e => e.Type == type).Sum(e => e.LevelChange);
}
