using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace RetentionPolicyTests;

public sealed class RetentionPropertyTests
{
    // Snapshot schedules: up to 20 snapshots, 1 to 48 hours apart.
    private static readonly Arbitrary<TimeSpan[]> Schedules = Generators.ClockSchedules(TimeSpan.FromHours(1), maxUnits: 48, maxSteps: 20);

    [Fact]
    public void KeepLast7DailyAnd4Weekly_KeepsWhatItPromisesAndLosesNothing()
        => Prop.ForAll(Schedules, schedule => RunAsync(schedule, Retention.Expired).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(50));

    [Fact]
    public void SevenNewestAsDailies_CaughtWithAShortCounterExample()
    {
        var replay = new Replay(new Rnd(SevenNewestCaught.Seed, SevenNewestCaught.Gamma), Microsoft.FSharp.Core.FSharpOption<int>.None);
        var failure = Assert.ThrowsAny<Exception>(() => Prop.ForAll(Schedules, schedule => RunAsync(schedule, SevenNewestRetention.Expired).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(50).WithReplay(replay)));

        // Shrunk to one snapshot on Thursday 1 January, then seven on Friday: the seven newest are all Friday's.
        Assert.Contains($"Shrunk:{Environment.NewLine}{SevenNewestCaught.Shrunk}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("must be kept but is in the Recycle Bin", failure.Message, StringComparison.Ordinal);
    }

    // The property: after each snapshot and each run of the retention, the newest snapshot of each of the
    // last 7 days and 4 weeks is live, and the kit's invariants hold: every snapshot reads back its bytes,
    // the Recycle Bin holds exactly the deleted ones until they are due, storage is exactly what is referenced.
    private static async Task RunAsync(TimeSpan[] schedule, Func<IReadOnlyList<Snapshot>, IReadOnlyList<SnapshotId>> expired)
    {
        await using var t = new TestCloud();
        var driver = new ModelDriver(t.Cloud, t.Time, new ReferenceModel());
        await driver.CreateRuleAsync(retentionDays: 7);
        var volume = await driver.CreateVolumeAsync();
        for (var i = 0; i < schedule.Length; i++)
        {
            await driver.AdvanceAsync(schedule[i]);
            await driver.WriteAsync(volume, i % 4 * TestCloud.BlockSize, TestCloud.Block(i));
            await driver.CreateSnapshotAsync(volume);
            var snapshots = (await t.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["self"] })).Snapshots;
            foreach (var snapshot in expired(snapshots))
            {
                await driver.DeleteSnapshotAsync(snapshot);
            }

            var report = await EbsInvariants.CheckAsync(t.Cloud, new() { Model = driver.Model, Recorder = driver.Recorder, Retained = [.. MustKeep(snapshots)] });
            report.ThrowIfViolated();
        }
    }

    // The promise, stated directly: the newest snapshot of each of the 7 latest days and of each of the 4 latest ISO weeks.
    private static IEnumerable<SnapshotId> MustKeep(IReadOnlyList<Snapshot> snapshots)
    {
        IEnumerable<SnapshotId> Newest<TKey>(Func<DateTime, TKey> period, int count) => snapshots
            .GroupBy(s => period(s.StartTime.UtcDateTime))
            .OrderByDescending(g => g.Max(s => s.StartTime))
            .Take(count)
            .Select(g => g.MaxBy(s => s.StartTime)!.SnapshotId);
        return Newest(at => at.Date, 7).Concat(Newest(at => (ISOWeek.GetYear(at), ISOWeek.GetWeekOfYear(at)), 4));
    }
}
