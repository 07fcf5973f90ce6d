using Ebs.Cli.Formatting;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// Snapshot size is used data, not allocated size: 8 blocks written across a 100-GiB volume
/// make an 8-block snapshot.
/// </summary>
internal static class UsedSizeSection
{
    private const int VolumeSizeGiB = 100;

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab)
    {
        lab.Section("Snapshot size is used data, not allocated size");
        var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = DemoLab.HomeZone, Size = VolumeSizeGiB })).Volume;
        var count = volume.SizeInBytes / lab.BlockSize;

        // Four blocks at the start, then one at each quarter mark and the very last, so the
        // snapshot visibly skips the unwritten gigabytes between them.
        long[] blocks = [0, 1, 2, 3, count / 4, count / 2, 3 * count / 4, count - 1];
        await lab.WriteAsync(volume.VolumeId, DiskImage.Empty, blocks);
        var started = (await lab.Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.VolumeId, Description = "sparse" })).Snapshot;
        var snapshot = (await lab.WaitForCompletionAsync(started.SnapshotId))[^1].Snapshot;
        var written = await lab.ChangedBlocksAsync(null, snapshot.SnapshotId);

        lab.Console.MarkupLineInterpolated($"Volume [bold]{volume.VolumeId}[/]: wrote {blocks.Length} blocks spread over its {volume.Size} GiB.");
        lab.Console.MarkupLineInterpolated($"Snapshot [bold]{snapshot.SnapshotId}[/] completed.");
        lab.Show(new Table().Title("DescribeVolumes, DescribeSnapshots, ListChangedBlocks")
            .AddColumns("Figure", "Value")
            .AddRow("Volume size (allocated)", ByteText.Size(volume.SizeInBytes))
            .AddRow("Snapshot volume size", Invariant($"{snapshot.VolumeSize} GiB"))
            .AddRow("Snapshot full size", ByteText.Blocks(snapshot.FullSnapshotSizeInBytes, lab.BlockSize))
            .AddRow("Full size / allocated", Invariant($"{100.0 * snapshot.FullSnapshotSizeInBytes / volume.SizeInBytes:0.####} %"))
            .AddRow("Blocks in the snapshot", BlockRanges.Format(written)));

        // Leaves the store holding only A, B and C, whose chunk counts the next section follows.
        await lab.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.SnapshotId });
        await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        lab.Console.MarkupLine("Deleted this volume and snapshot: the store holds A, B and C only again.");
    }
}
