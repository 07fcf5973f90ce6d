using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// A volume restored from a snapshot is lazily loaded: the first read of each block is a cold
/// read, and reading every block once (the <c>dd</c> pre-warm) initializes it fully.
/// </summary>
internal static class LazyLoadSection
{
    // Another zone than the source volume's: a snapshot is Regional.
    private const string RestoreZone = "us-east-1b";

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <param name="source">The snapshot to restore.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab, DemoSnapshot source)
    {
        lab.Section("Lazy loading of a restored volume");
        var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = RestoreZone, SnapshotId = source.Id })).Volume;
        lab.Console.MarkupLineInterpolated($"Restored {source.Name} ([bold]{source.Id}[/]) as [bold]{volume.VolumeId}[/] in {volume.AvailabilityZone}.");
        var table = new Table().Title("DescribeVolumes Initialization")
            .AddColumns("After", "Initialized", "Cold reads", "Percent", "Verdict");
        var created = InitializationOf(volume);
        AddRow(table, "creation", created);

        var half = source.Image.WrittenBlocks.Take((int)(created.TotalBlocks / 2)).ToList();
        await ReadBlocksAsync(lab, volume, half);
        AddRow(table, Invariant($"reading {half.Count} blocks"), await DescribeAsync(lab, volume));

        // A second read of a loaded block is not cold: the count must not move.
        await ReadBlocksAsync(lab, volume, half);
        AddRow(table, "reading them again", await DescribeAsync(lab, volume));

        // What `dd if=/dev/xvdf of=/dev/null bs=1M` does on an instance: read every byte once.
        await using (var disk = lab.Ec2.OpenVolume(volume.VolumeId))
        {
            await disk.CopyToAsync(Stream.Null, 1 << 20);
        }

        var warmed = await DescribeAsync(lab, volume);
        AddRow(table, Invariant($"dd of all {ByteText.Size(volume.SizeInBytes)}"), warmed, lab.Verdict(warmed.IsComplete, warmed.IsComplete ? "complete" : "incomplete"));
        lab.Show(table);
    }

    private static async Task ReadBlocksAsync(DemoLab lab, Volume volume, IEnumerable<long> blocks)
    {
        var buffer = new byte[lab.BlockSize];
        foreach (var block in blocks)
        {
            await lab.Ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = volume.VolumeId, Offset = block * lab.BlockSize, Destination = buffer });
        }
    }

    private static async Task<VolumeInitialization> DescribeAsync(DemoLab lab, Volume volume)
        => InitializationOf((await lab.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [volume.VolumeId] })).Volumes.Single());

    private static VolumeInitialization InitializationOf(Volume volume)
        => volume.Initialization ?? throw new InvalidOperationException($"Volume {volume.VolumeId} was not created from a snapshot.");

    private static void AddRow(Table table, string after, VolumeInitialization initialization, string verdict = "")
        => table.AddRow(
            after,
            Invariant($"{initialization.InitializedBlocks} of {initialization.TotalBlocks}"),
            Invariant($"{initialization.ColdReads}"),
            Invariant($"{initialization.Percent:0.#} %"),
            verdict);
}
