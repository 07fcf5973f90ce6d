using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// The AWS documentation's incremental example: write 20 blocks, snapshot A, change 5,
/// snapshot B, change 3, snapshot C; the store keeps 28 blocks, not the 60 of three full copies.
/// </summary>
internal static class IncrementalSection
{
    private static readonly long[] Written = [.. Enumerable.Range(0, 20).Select(i => (long)i)];
    private static readonly long[] FirstChange = [0, 1, 2, 3, 4];

    // Two of B's blocks and one of A's: so B ends up with blocks only it holds (3, 4) next to
    // blocks C still needs (0–2), which the deletion section then tells apart.
    private static readonly long[] SecondChange = [3, 4, 10];

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>The three snapshots, completed, with the images they should hold.</returns>
    public static async Task<SnapshotChain> RunAsync(DemoLab lab)
    {
        lab.Section("Incremental snapshots");
        var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = DemoLab.HomeZone, Size = 1 })).Volume;
        lab.Console.MarkupLineInterpolated($"Volume [bold]{volume.VolumeId}[/]: {volume.Size} GiB in {volume.AvailabilityZone}, in blocks of {ByteText.Size(lab.BlockSize)}.");

        var image = await lab.WriteAsync(volume.VolumeId, DiskImage.Empty, Written);
        var a = new DemoSnapshot("A", (await lab.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.VolumeId, Description = "A" })).Snapshot.SnapshotId, image);
        lab.Console.MarkupLineInterpolated($"Wrote {Written.Length} blocks and started snapshot A ([bold]{a.Id}[/]).");

        image = await lab.WriteAsync(volume.VolumeId, image, FirstChange);
        lab.Console.MarkupLineInterpolated($"Changed {FirstChange.Length} blocks while A was pending; A is a point in time, so it lacks them.");
        lab.Show(PollTable(await lab.WaitForCompletionAsync(a.Id)));

        var b = await SnapshotAsync(lab, volume.VolumeId, "B", image);
        image = await lab.WriteAsync(volume.VolumeId, image, SecondChange);
        lab.Console.MarkupLineInterpolated($"Changed {SecondChange.Length} blocks, then snapshot C.");
        var c = await SnapshotAsync(lab, volume.VolumeId, "C", image);

        // A live volume shares its latest snapshot's block map, so C would show no exclusive
        // blocks; without it, each snapshot's exclusive figure is its own.
        await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        lab.Console.MarkupLine("Deleted the source volume: the snapshots do not depend on it.");

        var chain = new SnapshotChain(a, b, c);
        lab.Show(await SnapshotTableAsync(lab, chain));
        lab.Show(UsageTable(lab, await lab.Ec2.GetStorageUsageAsync(new())));
        return chain;
    }

    private static async Task<DemoSnapshot> SnapshotAsync(DemoLab lab, VolumeId volumeId, string name, DiskImage image)
    {
        var started = (await lab.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volumeId, Description = name })).Snapshot;
        await lab.WaitForCompletionAsync(started.SnapshotId);
        lab.Console.MarkupLineInterpolated($"Snapshot {name} ([bold]{started.SnapshotId}[/]) completed.");
        return new DemoSnapshot(name, started.SnapshotId, image);
    }

    private static Table PollTable(IReadOnlyList<(DateTimeOffset At, Snapshot Snapshot)> polls)
    {
        var table = new Table().Title("Snapshot A, described every simulated second")
            .AddColumns("Clock", "State", "Progress", "Completed at");
        foreach (var (at, snapshot) in polls)
        {
            table.AddRow(
                SinceStart(snapshot, at),
                snapshot.State.ToString(),
                Invariant($"{snapshot.ProgressPercent} %"),
                snapshot.CompletionTime is { } done ? SinceStart(snapshot, done) : "—");
        }

        return table;
    }

    private static string SinceStart(Snapshot snapshot, DateTimeOffset instant)
        => Invariant($"+{(instant - snapshot.StartTime).TotalSeconds:0.###} s");

    private static async Task<Table> SnapshotTableAsync(DemoLab lab, SnapshotChain chain)
    {
        var table = new Table().Title("DescribeSnapshots and GetSnapshotStorage")
            .Caption(Invariant($"Sizes in blocks of {ByteText.Size(lab.BlockSize)}"))
            .AddColumns("Snapshot", "State", "Full", "Incremental", "Exclusive");
        var described = (await lab.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [.. chain.All.Select(s => s.Id)] })).Snapshots;
        foreach (var snapshot in chain.All)
        {
            var view = described.Single(s => s.SnapshotId == snapshot.Id);
            var storage = await lab.Ec2.GetSnapshotStorageAsync(new GetSnapshotStorageRequest { SnapshotId = snapshot.Id });
            table.AddRow(
                Invariant($"{snapshot.Name} {view.SnapshotId}"),
                Invariant($"{view.State} {view.ProgressPercent} %"),
                Invariant($"{view.FullSnapshotSizeInBytes / lab.BlockSize}"),
                Invariant($"{view.IncrementalSizeInBytes / lab.BlockSize}"),
                Invariant($"{storage.ExclusiveSizeInBytes / lab.BlockSize}"));
        }

        return table;
    }

    private static Table UsageTable(DemoLab lab, GetStorageUsageResponse usage)
        => new Table().Title("GetStorageUsage")
            .AddColumns("Snapshots", "Stored (each block once)", "Sum of full sizes")
            .AddRow(
                Invariant($"{usage.SnapshotCount}"),
                ByteText.Blocks(usage.StoredSizeInBytes, lab.BlockSize),
                ByteText.Blocks(usage.FullSnapshotSizeInBytes, lab.BlockSize));
}
