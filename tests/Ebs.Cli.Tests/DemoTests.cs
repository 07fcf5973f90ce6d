using System.Text.RegularExpressions;
using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>The <c>demo</c> walk-through: every section's checks pass, in memory and on a local store, the same on every run.</summary>
/// <param name="demo">One in-memory run, shared by the tests that read its sections.</param>
public sealed class DemoTests(DemoTests.Run demo) : IClassFixture<DemoTests.Run>
{
    // The checks: 7 in the sections before the Recycle Bin, then 7 there, 7 in the archive tier, 5 in FSR, 7 in the golden AMI, 3 in cost,
    // 5 in Data Lifecycle Manager and 8 in cross-Region disaster recovery.
    private const string AllPassed = "✓ All 49 checks passed.";

    [Fact]
    public async Task InMemory_EveryCheckPassesExit0()
    {
        var (exitCode, output, error) = await demo.Output;

        Assert.True(exitCode == 0, error);
        Assert.Equal(AllPassed, Lines(output)[^1]);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecycleBin_LockedRuleKeptDeletedSnapshotRestoredExpiredOneFreed()
    {
        var section = Section(await DemoLinesAsync(), "Recycle Bin");

        Assert.Contains("✓ DeleteRule of the locked rule: ConflictException.", section);
        Assert.Contains("✓ D is in the bin and not in DescribeSnapshots.", section);
        Assert.Contains(section, line => line.StartsWith("✓ A day later, restored D: listed again", StringComparison.Ordinal));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^snap-\w+ +E +2026-01-02T00:00:36\.000Z +2026-01-09T00:00:36\.000Z$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^in the bin +40 +0 +✓ nothing freed: restorable$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^past exit time +34 +6 +✓ the 6 exclusive blocks GetSnapshotStorage reported$"));
        Assert.Contains("✓ DeleteRule after the unlock delay: deleted.", section);
    }

    [Fact]
    public async Task ArchiveTier_ArchivedRefusedTemporarilyRestoredUsableThenExpired()
    {
        var section = Section(await DemoLinesAsync(), "Archive tier");

        string[] expected =
        [
            @"^2026-01-09T00:00:43\.000Z +archival-in-progress +standard +0 % +— +vol-\w+: 16,384 blocks, 0 differing +✓ usable, byte-exact$",
            @"^2026-01-10T00:00:43\.000Z +archival-completed +archive +100 % +— +refused: IncorrectState +✓ not usable$",
            @"^2026-01-10T00:00:43\.000Z +temporary-restore-in-progress +archive +0 % +2026-01-15T00:00:43\.000Z +refused: IncorrectState +✓ not usable$",
            @"^2026-01-13T00:00:43\.000Z +temporary-restore-completed +standard +100 % +2026-01-15T00:00:43\.000Z +vol-\w+: 16,384 blocks, 0 differing +✓ usable, byte-exact$",
            @"^2026-01-15T01:00:43\.000Z +temporary-restore-completed +archive +100 % +— +refused: IncorrectState +✓ not usable$",
        ];
        foreach (var pattern in expected)
        {
            Assert.Contains(section, line => Regex.IsMatch(line, pattern));
        }

        Assert.Equal(7, section.Count(line => line.Contains('✓', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FastSnapshotRestore_EnablingOptimizingEnabledOneFastVolumeInUseUntilDisabled()
    {
        var section = Section(await DemoLinesAsync(), "Fast Snapshot Restore");

        var states = section.Select(line => Regex.Match(line, @"^2026-01-15T\S+ +(enabling|optimizing|enabled|disabling|disabled) ")).Where(m => m.Success).Select(m => m.Groups[1].Value);
        Assert.Equal(["enabling", "optimizing", "optimizing", "enabled", "disabling", "disabled"], states);
        Assert.Contains(section, line => Regex.IsMatch(line, @"^vol-\w+ +us-east-1a +\S+ +yes +4 of 4 blocks +✓ credit available: initialized at once$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^vol-\w+ +us-east-1a +\S+ +no +0 of 4 blocks +✓ no credit left: lazy$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^vol-\w+ +us-east-1b +\S+ +no +0 of 4 blocks +✓ zone not enabled: lazy$"));
        Assert.Contains("✓ DeleteSnapshot of G while enabled: InvalidSnapshot.InUse.", section);
        Assert.Contains("✓ DeleteSnapshot of G once disabled: deleted.", section);
    }

    [Fact]
    public async Task GoldenAmi_ImageAvailableLaunchesByteExactNoNewChunksVolumesGoWithInstances()
    {
        var section = Section(await DemoLinesAsync(), "Golden AMI");

        Assert.Contains("✓ golden is available once its snapshot completed.", section);
        Assert.Contains("✓ The store grew by 4 chunks: the 4 installed blocks, none for CreateImage.", section);
        Assert.Equal(3, section.Count(line => Regex.IsMatch(line, @"^i-\w+ +vol-\w+ +16,384 +0 +✓ byte-exact$")));
        Assert.Contains("✓ Launching 3 instances stored 0 new chunks.", section);
        Assert.Contains("✓ Terminated 4 instances: 4 of 4 root volumes deleted with them.", section);
        Assert.Equal(7, section.Count(line => line.Contains('✓', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cost_ReportLinesAndStorageFigures()
    {
        var section = Section(await DemoLinesAsync(), "Cost");

        Assert.Contains("GetCostAndUsage from 2026-01-01T00:00:00.000Z to 2026-01-15T04:02:31.000Z", section);

        // 2 h 31 min of FSR in one zone at $0.75 an hour; 12 blocks of 64 KiB retrieved at $0.03 per GB.
        Assert.Contains(section, line => Regex.IsMatch(line, @"^FastSnapshotRestore +2\.51666667 +DSU-Hr +\$0\.75 +\$1\.8875$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^SnapshotArchiveRetrieval +0\.00073242 +GB +\$0\.03 +\$0\.00002197$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^SnapshotStorage +[\d.]+ +GB-Mo +\$0\.05 +\$[\d.]+$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^SnapshotArchiveStorage +[\d.]+ +GB-Mo +\$0\.0125 +\$[\d.]+$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^Total +\$1\.88\d+$"));
        Assert.Contains(section, line => line.StartsWith("✓ Archive retrieval: 0.00073242 GB", StringComparison.Ordinal));
        Assert.Contains(section, line => line.StartsWith("✓ Fast Snapshot Restore: 2.51666667 DSU-hours", StringComparison.Ordinal));
        Assert.Contains("✓ The total is the sum of the lines, for a period already over.", section);

        // A and C hold 26 distinct blocks, D 8, the archived F 12, H 6 and golden's snapshot the 4 installed over H; F is not billed in the standard tier.
        Assert.Contains(section, line => Regex.IsMatch(line, @"^56 blocks \(3\.5 MiB\) +44 blocks \(2\.75 MiB\)$"));
    }

    [Fact]
    public async Task DataLifecycleManager_SixteenDailyRunsRetain15DeletesTheFirstAndFreesItsBlock()
    {
        var section = Section(await DemoLinesAsync(), "Data Lifecycle Manager");

        Assert.Equal(16, section.Count(line => Regex.IsMatch(line, @"^\d+ +2026-01-\d\dT02:00:00\.000Z +snap-\w+ ")));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^16 +2026-01-31T02:00:00\.000Z +snap-\w+ +snap-\w+ +15 +\d+$"));
        Assert.Contains("✓ 16 runs, each at 02:00 of its day, in order.", section);
        Assert.Contains(section, line => line.StartsWith("✓ Day 16: the run created the 16th snapshot and deleted the 1st", StringComparison.Ordinal));
        Assert.Contains("✓ Deleting it freed 1 chunk, as GetSnapshotStorage predicted (1).", section);
        Assert.Contains(section, line => Regex.IsMatch(line, @"^✓ vol-\w+ from the newest reads back 16,384 blocks, 0 differing\.$"));
        Assert.Equal(5, section.Count(line => line.Contains('✓', StringComparison.Ordinal) && !line.StartsWith("✓ All", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DisasterRecovery_CopiesTransferOnlyChangedBlocksAndRestoreAndLaunchByteIdenticalInTheOtherRegion()
    {
        var section = Section(await DemoLinesAsync(), "Cross-Region disaster recovery");

        // 64-KiB blocks: the first copy transfers the 8 written, each later one only that day's writes.
        Assert.Contains(section, line => Regex.IsMatch(line, @"^0 +0, 1, 2, 3, 4, 5, 6, 7 +snap-\w+ +snap-\w+ +524,288 bytes +✓ every written block \(8\)$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^1 +1, 8 +snap-\w+ +snap-\w+ +131,072 bytes +✓ only the 2 changed blocks$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^2 +2, 3, 9 +snap-\w+ +snap-\w+ +196,608 bytes +✓ only the 3 changed blocks$"));
        Assert.Contains(section, line => Regex.IsMatch(line, @"^3 +0 +snap-\w+ +snap-\w+ +65,536 bytes +✓ only the changed block$"));
        var text = string.Join(' ', section);
        Assert.Matches(@"✓ vol-\w+ in ap-south-1a from the first copy snap-\w+: 16,384 blocks, 0 differing", text);
        Assert.Matches(@"✓ vol-\w+ in ap-south-1a from the newest copy snap-\w+: 16,384 blocks, 0 differing", text);
        Assert.Matches(@"✓ CopyImage ami-\w+ -> ami-\w+ \(available\): its snapshot copy snap-\w+ transferred 0 bytes", text);
        Assert.Matches(@"✓ i-\w+ launched in ap-south-1a from ami-\w+: its root vol-\w+ reads back 16,384 blocks, 0 differing", text);
        Assert.Equal(8, section.Count(line => line.Contains('✓', StringComparison.Ordinal) && !line.StartsWith("✓ All", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnLocalStore_EveryCheckPassesExit0()
    {
        using var store = new TempDirectory();

        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(["demo", "--store", store.Path]);

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"^✓ All \d+ checks passed\.$", Lines(output)[^1]);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        foreach (var title in new[] { "Recycle Bin", "Archive tier", "Fast Snapshot Restore", "Golden AMI", "Cost", "Data Lifecycle Manager", "Cross-Region disaster recovery" })
        {
            Assert.Contains(Lines(output), line => line.StartsWith($"-- {title} --", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SecondRun_SameOutput()
    {
        var second = await CliRunner.RunInProcessAsync(["demo"]);

        Assert.Equal(await demo.Output, second);
    }

    private async Task<string[]> DemoLinesAsync()
    {
        var (exitCode, output, error) = await demo.Output;
        Assert.True(exitCode == 0, error);
        return Lines(output);
    }

    /// <summary>The lines of one section: from its titled rule to the next one, or to the end.</summary>
    private static string[] Section(string[] lines, string title)
    {
        var start = Array.FindIndex(lines, line => line.StartsWith($"-- {title} --", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no section '{title}'");
        var end = Array.FindIndex(lines, start + 1, line => line.StartsWith("-- ", StringComparison.Ordinal));
        return lines[start..(end < 0 ? lines.Length : end)];
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One in-memory run of the demo, made when first awaited.</summary>
    public sealed class Run
    {
        private readonly Lazy<Task<(int ExitCode, string Out, string Error)>> _output = new(() => CliRunner.RunInProcessAsync(["demo"]));

        /// <summary>Gets the run's exit code, output and error output.</summary>
        public Task<(int ExitCode, string Out, string Error)> Output => _output.Value;
    }
}
