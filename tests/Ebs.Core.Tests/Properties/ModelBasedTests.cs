using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// Random sequences of volume and snapshot operations, with or without a Recycle Bin rule, with
/// archive and restore of tiers, Fast Snapshot Restore and waits of up to days, checked after
/// every step against the dictionary model: every live volume and every live, binned or
/// archived snapshot reads back exactly (so a deletion changed no other and nothing restorable
/// was lost), the bin holds exactly what the model says until each exit instant, the stored
/// chunks are exactly those reachable from live roots, every reference count equals the one
/// scrub recomputes, each new snapshot copies what differs from its newest surviving
/// predecessor, the ledger's standard bytes equal a recount, and refused calls change nothing.
/// Images of one snapshot are registered and instances launched from them, stopped, started and
/// terminated, with volumes attached and detached: a snapshot an image uses is never deleted or
/// archived (InvalidSnapshot.InUse), an attached volume never deleted (VolumeInUse), a launched
/// volume reads back its image's snapshot, instance and attachment states follow the model, and
/// at termination the DeleteOnTermination volumes vanish with their chunks, and the instance itself an hour later.
/// Focused stops, starts and detaches let their instance or attachment settle first, so that the sequences reach
/// successful starts and detaches often (the test checks they do).
/// </summary>
public sealed class ModelBasedTests
{
    /// <summary>Gets the number of sequences: EBS_PROPERTY_RUNS, or 200.</summary>
    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("EBS_PROPERTY_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) ? runs : 200;

    [Fact]
    public void RandomSequences_MatchModelAfterEveryStep()
    {
        var reached = (Starts: 0, Detaches: 0);
        Prop.ForAll(Generators.Sequences(), sequence =>
            {
                var driver = RunAsync(sequence).GetAwaiter().GetResult();
                reached = (reached.Starts + driver.Starts, reached.Detaches + driver.Detaches);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

        // The sequences must reach what they check: instances started again after a stop, volumes detached.
        Assert.True(reached.Starts >= Runs / 10 && reached.Detaches >= Runs / 10, $"{Runs} sequences started {reached.Starts} instances and detached {reached.Detaches} volumes");
    }

    private static async Task<ModelDriver> RunAsync(ModelSequence sequence)
    {
        // Archives and restores take half a minute: a short wait may or may not see them complete.
        await using var t = new TestCloud(o =>
        {
            o.SnapshotArchiveTime = TimeSpan.FromSeconds(30);
            o.SnapshotRestoreTime = TimeSpan.FromSeconds(30);
        });
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel()) { ChecksIncrementalSize = true };
        await driver.CreateRuleAsync(sequence.RetentionDays);
        foreach (var op in sequence.Ops)
        {
            if (driver.Plan(op) is { } planned)
            {
                await driver.ApplyAsync(planned);
                await driver.CheckAsync(op.ToString());
                Assert.Equal(t.StoredChunks, (await t.Cloud.ScrubAsync()).ReachableChunks);
            }
        }

        return driver;
    }
}
