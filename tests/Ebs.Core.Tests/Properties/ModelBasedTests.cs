using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// Random sequences of volume and snapshot operations, checked after every step against the
/// dictionary model: every live volume and snapshot reads back exactly (so a deletion changed
/// no other), the stored chunks are exactly those reachable from live roots, and every
/// reference count equals the one scrub recomputes. EBS_PROPERTY_RUNS sets the number of
/// sequences (default 200).
/// </summary>
public sealed class ModelBasedTests
{
    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("EBS_PROPERTY_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) ? runs : 200;

    [Fact]
    public void RandomSequences_MatchModelAfterEveryStep()
        => Prop.ForAll(Generators.Operations(), ops => RunAsync(ops).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

    private static async Task RunAsync(ModelOp[] ops)
    {
        await using var t = new TestCloud();
        var model = new Model();
        foreach (var op in ops)
        {
            await ApplyAsync(t, model, op);
            await CheckAsync(t, model, op);
        }
    }

    private static async Task ApplyAsync(TestCloud t, Model model, ModelOp op)
    {
        var volumes = model.Volumes.Keys.OrderBy(v => v.Value, StringComparer.Ordinal).ToList();
        var snapshots = model.Snapshots.Keys.OrderBy(s => s.Value, StringComparer.Ordinal).ToList();
        switch (op.Kind)
        {
            case ModelOpKind.CreateVolume:
                model.Volumes[(await t.CreateVolumeAsync()).Id] = [];
                break;
            case ModelOpKind.Write when volumes.Count > 0:
                var volume = volumes[op.Target % volumes.Count];
                var data = new byte[op.Length];
                new Random(op.Seed).NextBytes(data);
                await t.Ec2.WriteVolumeAsync(volume, op.Offset, data);
                Model.Write(model.Volumes[volume], op.Offset, data);
                break;
            case ModelOpKind.CreateSnapshot when volumes.Count > 0:
                var source = volumes[op.Target % volumes.Count];
                var before = await StateFingerprint.TakeAsync(t.Cloud);
                try
                {
                    model.Snapshots[(await t.Ec2.CreateSnapshotAsync(source)).Id] = Model.Copy(model.Volumes[source]);
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.ConcurrentSnapshotLimitExceeded)
                {
                    Assert.Equal(before, await StateFingerprint.TakeAsync(t.Cloud));
                }

                break;
            case ModelOpKind.DeleteSnapshot when snapshots.Count > 0:
                var doomed = snapshots[op.Target % snapshots.Count];
                await t.Ec2.DeleteSnapshotAsync(doomed);
                model.Snapshots.Remove(doomed);
                break;
            case ModelOpKind.CreateVolumeFromSnapshot when snapshots.Count > 0:
                var origin = snapshots[op.Target % snapshots.Count];
                var request = new CreateVolumeRequest { AvailabilityZone = "us-east-1b", SnapshotId = origin };
                if ((await t.Ec2.DescribeSnapshotAsync(origin)).State != SnapshotState.Completed)
                {
                    await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.CreateVolumeAsync(request).AsTask(), EbsErrorCodes.IncorrectState);
                    break;
                }

                model.Volumes[(await t.Ec2.CreateVolumeAsync(request)).Id] = Model.Copy(model.Snapshots[origin]);
                break;
            case ModelOpKind.DeleteVolume when volumes.Count > 0:
                var gone = volumes[op.Target % volumes.Count];
                await t.Ec2.DeleteVolumeAsync(gone);
                model.Volumes.Remove(gone);
                break;
            case ModelOpKind.AdvanceTime:
                t.Time.Advance(TimeSpan.FromSeconds(op.Seed));
                break;
            case ModelOpKind.InvalidCall when volumes.Count > 0:
                var target = volumes[op.Target % volumes.Count];
                var unknown = SnapshotId.Parse("snap-0000000000000000f");
                (Func<Task> call, string code) = op.Seed switch
                {
                    0 => ((Func<Task>)(() => t.Ec2.WriteVolumeAsync(target, (1L << 30) - 10, new byte[TestCloud.BlockSize]).AsTask()), EbsErrorCodes.InvalidParameterValue),
                    1 => (() => t.Ec2.DeleteSnapshotAsync(unknown).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound),
                    2 => (() => t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-west-2a", SizeGiB = 1 }).AsTask(), EbsErrorCodes.InvalidZoneNotFound),
                    _ => (() => t.Ec2.CreateTagsAsync([target.Value, unknown.Value], new Dictionary<string, string> { ["k"] = "v" }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound),
                };
                await StateFingerprint.AssertUnchangedAsync(t.Cloud, call, code);
                break;
        }
    }

    private static async Task CheckAsync(TestCloud t, Model model, ModelOp op)
    {
        var span = Generators.SpanBlocks * TestCloud.BlockSize;
        foreach (var (id, blocks) in model.Volumes)
        {
            var bytes = await t.ReadAsync(id, 0, span);
            for (var block = 0; block < Generators.SpanBlocks; block++)
            {
                Assert.True(Model.Read(blocks, block).AsSpan().SequenceEqual(bytes.AsSpan(block * TestCloud.BlockSize, TestCloud.BlockSize)), $"{id} block {block} after {op}");
            }
        }

        var engine = t.Cloud.Engine;
        var buffer = new byte[TestCloud.BlockSize];
        foreach (var (id, blocks) in model.Snapshots)
        {
            var record = engine.World.Snapshots[id];
            var stored = engine.Map.Enumerate(engine.Graph, record.Root).ToList();
            Assert.Equal(blocks.Keys.Order(), stored.Select(s => s.Index));
            foreach (var (index, chunk) in stored)
            {
                Assert.True(await t.Cloud.ChunkStore.TryReadAsync(chunk, buffer));
                Assert.True(blocks[index].AsSpan().SequenceEqual(buffer), $"{id} block {index} after {op}");
            }
        }

        Assert.Equal(model.Snapshots.Count, (await t.Ec2.DescribeSnapshotsAsync()).Count);
        Assert.Equal(model.Volumes.Count, (await t.Ec2.DescribeVolumesAsync()).Count);
        var scrub = await t.Cloud.ScrubAsync();
        Assert.True(scrub.IsClean, $"scrub after {op}: {scrub}");
        Assert.Equal(scrub.ReachableChunks, t.StoredChunks);
    }
}
