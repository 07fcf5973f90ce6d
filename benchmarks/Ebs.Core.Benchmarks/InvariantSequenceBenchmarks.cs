using BenchmarkDotNet.Attributes;
using Ebs.Core.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// What a property test of deletion logic costs per case: one 50-step sequence (volumes, writes,
/// snapshots, copies, deletions, clock advances, refused calls) run on a fresh <see cref="TestCloud"/>
/// and a <see cref="ReferenceModel"/> side by side, without checks (the baseline) and with
/// <see cref="EbsInvariants.CheckAsync"/> after every step. Sequences per second = 1 / mean.
/// The steps are drawn once from <see cref="Generators.Operations"/> with a fixed seed.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class InvariantSequenceBenchmarks
{
    private const int Steps = 50;

    private readonly ModelOp[] _ops = [.. Generators.Operations().Generator.Sample(40, new Rnd(7, 11), 3).SelectMany(ops => ops).Take(Steps)];

    /// <summary>The sequence alone, on the cloud and the model.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> SequenceOnly() => RunAsync(check: false);

    /// <summary>The sequence with every invariant checked after each step.</summary>
    [Benchmark]
    public Task<int> SequenceWithInvariantChecks() => RunAsync(check: true);

    private async Task<int> RunAsync(bool check)
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel());
        var applied = 0;
        foreach (var op in _ops)
        {
            if (driver.Plan(op) is { } planned)
            {
                await driver.ApplyAsync(planned);
                applied++;
                if (check)
                {
                    await driver.CheckAsync(op.ToString());
                }
            }
        }

        return applied;
    }
}
