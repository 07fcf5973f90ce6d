using Ebs.Core;
using Ebs.Core.Tests;
using Ebs.Core.Tests.Properties;
using Ebs.Core.Tests.Storage;
using Ebs.Storage.Sqlite.Packs;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests.Faults;

/// <summary>
/// The model-based sequences on the durable directory with one injected store fault, followed
/// by a power cut that loses every chunk not yet flushed: after it the directory reopens, fsck finds nothing missing, corrupt or mis-counted (only leaked
/// chunks are allowed, and repair removes them), and every volume and snapshot matches the
/// model as it was either before or after the interrupted call.
/// </summary>
public sealed class FaultInjectionTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 3 };

    [Fact]
    public void RandomSequencesWithOneFault_ReopenIsConsistentAndRepairCleansLeaks()
    {
        var input = from ops in Generators.Operations().Generator
                    from failAt in Gen.Choose(1, 60)
                    from timing in Gen.Elements(FaultTiming.BeforeWrite, FaultTiming.AfterWrite)
                    select (ops, failAt, timing);
        Prop.ForAll(input.ToArbitrary(), x => RunAsync(x.ops, new FaultPlan(x.failAt, x.timing)).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(1, ModelBasedTests.Runs / 4)));
    }

    private static async Task RunAsync(ModelOp[] ops, FaultPlan plan)
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sqlite = SqliteStateStore.Open(Path.Combine(dir.Path, LocalDirectory.StateFileName), Options.BlockSize);
        var chunks = new FaultyChunkStore(new PackChunkStore(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName), sqlite, Options.BlockSize, legacy: null), plan);
        var state = new FaultyStateStore(sqlite, plan);
        var driver = new ModelDriver(await EbsCloud.OpenAsync(Options, chunks, state, time), time, new ReferenceModel());
        var recovered = false;
        try
        {
            foreach (var op in ops)
            {
                if (driver.Plan(op) is not { } planned)
                {
                    continue;
                }

                try
                {
                    await driver.ApplyAsync(planned);
                }
                catch (Exception) when (plan.Fired && !recovered)
                {
                    // The call failed; whatever it did reach the store is judged after reopening.
                }

                if (plan.Fired && !recovered)
                {
                    recovered = true;
                    await chunks.LoseUnflushedAsync();
                    await driver.Cloud.DisposeAsync();
                    driver.Cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time);
                    Assert.Empty((await CrashChecks.AssertOnlyLeaksThenRepairAsync(driver.Cloud)).LeakedNodes);
                    await ReconcileAsync(driver, planned);
                }

                await driver.CheckAsync($"{op} ({plan.Timing}, fired: {plan.Fired})");
            }
        }
        finally
        {
            await driver.Cloud.DisposeAsync();
        }
    }

    /// <summary>Brings the model to whichever side of the interrupted call the store is on.</summary>
    private static async Task ReconcileAsync(ModelDriver driver, PlannedOp op)
    {
        var model = driver.Model;
        var volumes = (await driver.Ec2.ListVolumesAsync()).Select(v => v.VolumeId).ToHashSet();
        var snapshots = (await driver.Ec2.ListSnapshotsAsync()).Select(s => s.SnapshotId).ToHashSet();
        switch (op.Kind)
        {
            case ModelOpKind.CreateVolume or ModelOpKind.CreateVolumeFromSnapshot:
                foreach (var added in volumes.Where(v => !model.Volumes.ContainsKey(v)))
                {
                    model.Volumes[added] = op.Kind == ModelOpKind.CreateVolumeFromSnapshot ? ReferenceModel.Copy(model.Snapshots[op.Snapshot!.Value]) : [];
                }

                break;
            case ModelOpKind.CreateSnapshot or ModelOpKind.CopySnapshot:
                foreach (var added in snapshots.Where(s => !model.Snapshots.ContainsKey(s)))
                {
                    model.Snapshots[added] = ReferenceModel.Copy(op.Kind == ModelOpKind.CopySnapshot ? model.Snapshots[op.Snapshot!.Value] : model.Volumes[op.Volume!.Value]);
                }

                break;
            case ModelOpKind.DeleteSnapshot when !snapshots.Contains(op.Snapshot!.Value):
                model.Snapshots.Remove(op.Snapshot.Value);
                break;
            case ModelOpKind.DeleteVolume when !volumes.Contains(op.Volume!.Value):
                model.Volumes.Remove(op.Volume.Value);
                break;
            case ModelOpKind.Write:
                var after = ReferenceModel.Copy(model.Volumes[op.Volume!.Value]);
                model.Write(after, op.Offset, op.Data);
                // Every block the write touched must show its new bytes; one block can match by chance.
                var first = op.Offset / TestCloud.BlockSize;
                var last = (op.Offset + op.Data.Length - 1) / TestCloud.BlockSize;
                var bytes = new byte[TestCloud.BlockSize];
                var landed = true;
                for (var block = first; block <= last; block++)
                {
                    await driver.Ec2.ReadAtAsync(op.Volume.Value, block * TestCloud.BlockSize, bytes);
                    landed &= model.Read(after, block).AsSpan().SequenceEqual(bytes);
                }

                if (landed)
                {
                    model.Volumes[op.Volume.Value] = after;
                }

                break;
        }
    }
}
