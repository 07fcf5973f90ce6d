using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// Random sequences of volume and snapshot operations, checked after every step against the
/// dictionary model: every live volume and snapshot reads back exactly (so a deletion changed
/// no other), the stored chunks are exactly those reachable from live roots, every reference
/// count equals the one scrub recomputes, each new snapshot copies what differs from its newest
/// surviving predecessor, and refused calls change nothing.
/// </summary>
public sealed class ModelBasedTests
{
    /// <summary>Gets the number of sequences: EBS_PROPERTY_RUNS, or 200.</summary>
    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("EBS_PROPERTY_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) ? runs : 200;

    [Fact]
    public void RandomSequences_MatchModelAfterEveryStep()
        => Prop.ForAll(Generators.Operations(), ops => RunAsync(ops).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

    private static async Task RunAsync(ModelOp[] ops)
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new Model()) { ChecksIncrementalSize = true };
        foreach (var op in ops)
        {
            if (driver.Plan(op) is { } planned)
            {
                await driver.ApplyAsync(planned);
                await driver.CheckAsync(op.ToString());
                Assert.Equal(t.StoredChunks, (await t.Cloud.ScrubAsync()).ReachableChunks);
            }
        }
    }
}
