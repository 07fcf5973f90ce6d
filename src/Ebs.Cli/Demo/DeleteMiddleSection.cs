using Ebs.Core.Services;
using Ebs.Core.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// Independent deletion: deleting the middle snapshot frees only the blocks no other snapshot
/// holds, and the snapshots on either side still read back byte for byte.
/// </summary>
internal static class DeleteMiddleSection
{
    // Another zone than the source volume's: a snapshot is Regional.
    private const string RestoreZone = "us-east-1c";

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <param name="chain">The snapshots; <see cref="SnapshotChain.B"/> is deleted.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab, SnapshotChain chain)
    {
        lab.Section("Deleting the middle snapshot B");
        var predicted = (await lab.Ec2.GetSnapshotStorageAsync(new GetSnapshotStorageRequest { SnapshotId = chain.B.Id })).ExclusiveSizeInBytes / lab.BlockSize;
        var before = await lab.Cloud.ScrubAsync();
        await lab.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = chain.B.Id });
        var afterDelete = await lab.Cloud.ScrubAsync();
        var freed = before.StoredChunks - afterDelete.StoredChunks;
        lab.Console.MarkupLineInterpolated($"Deleted B ([bold]{chain.B.Id}[/]).");
        lab.Console.MarkupLine(lab.Verdict(freed == predicted, Invariant($"{freed} chunks freed: the {predicted} exclusive blocks GetSnapshotStorage reported.")));

        var survivors = new Table().Title(Invariant($"A and C restored in {RestoreZone}, compared with what was written"))
            .AddColumns("Snapshot", "Restored volume", "Blocks read", "Differing", "Verdict");
        foreach (var snapshot in new[] { chain.A, chain.C })
        {
            var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = RestoreZone, SnapshotId = snapshot.Id })).Volume;
            var (compared, differing) = await lab.CompareAsync(volume, snapshot.Image);
            await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
            survivors.AddRow(
                new Text(snapshot.Name),
                new Text(volume.VolumeId.Value),
                new Text(Invariant($"{compared:N0}")),
                new Text(Invariant($"{differing:N0}")),
                new Markup(lab.Verdict(differing == 0, differing == 0 ? "byte-exact" : "differs")));
        }

        lab.Show(survivors);
        var afterReadBack = await lab.Cloud.ScrubAsync();
        lab.Show(new Table().Title("Scrub (mark-and-sweep from the live roots)")
            .AddColumns("When", "Stored chunks", "Reachable chunks", "Map nodes", "Verdict")
            .AddRow(ScrubRow(lab, "before delete", before))
            .AddRow(ScrubRow(lab, "after delete", afterDelete))
            .AddRow(ScrubRow(lab, "after read-back", afterReadBack)));
    }

    private static IRenderable[] ScrubRow(DemoLab lab, string when, ScrubReport report)
        => [
            new Text(when),
            new Text(Invariant($"{report.StoredChunks}")),
            new Text(Invariant($"{report.ReachableChunks}")),
            new Text(Invariant($"{report.ReachableNodes}")),
            new Markup(lab.Verdict(report.IsClean, report.IsClean ? "clean" : "inconsistent")),
        ];
}
