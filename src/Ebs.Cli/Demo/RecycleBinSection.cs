using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// The Recycle Bin: under a retention rule a deleted snapshot is kept, hidden, until its exit
/// time; restored, it reads back byte for byte; left there, it is deleted for good at its exit
/// time and only then are its blocks freed. A locked rule cannot be deleted until unlocked and
/// its unlock delay has passed.
/// </summary>
internal static class RecycleBinSection
{
    private const int RetentionDays = 7;
    private const int UnlockDelayDays = 7;

    // Another zone than the source volume's: a snapshot is Regional.
    private const string RestoreZone = "us-east-1c";

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab)
    {
        lab.Section("Recycle Bin");
        var rule = await lab.RecycleBin.CreateRuleAsync(new CreateRuleRequest
        {
            Description = "Keep deleted snapshots for a week",
            ResourceType = RecycleBinResourceType.EbsSnapshot,
            RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = RetentionDays },
            LockConfiguration = new LockConfiguration { UnlockDelay = new UnlockDelay { UnlockDelayValue = UnlockDelayDays } },
        });
        lab.Console.MarkupLineInterpolated($"Retention rule [bold]{rule.Identifier}[/]: every snapshot of the Region, {rule.RetentionPeriod.RetentionPeriodValue} days, {rule.LockState?.ToAwsString()}.");
        var refused = await DemoLab.RefusalAsync(async () => await lab.RecycleBin.DeleteRuleAsync(new DeleteRuleRequest { Identifier = rule.Identifier }));
        lab.Console.MarkupLine(lab.Verdict(refused == EbsErrorCodes.ConflictException, Invariant($"DeleteRule of the locked rule: {refused ?? "accepted"}.")));
        var unlocking = await lab.RecycleBin.UnlockRuleAsync(new UnlockRuleRequest { Identifier = rule.Identifier });
        lab.Console.MarkupLineInterpolated($"Unlocked it: {unlocking.LockState?.ToAwsString()} until {AwsValues.Time(unlocking.LockEndTime!.Value)}, and it retains meanwhile.");

        var kept = await lab.TakeSnapshotAsync("D", 1, 8);
        var expiring = await lab.TakeSnapshotAsync("E", 1, 6);
        await RestoreAsync(lab, kept);
        await ExpireAsync(lab, expiring);

        var deleted = await DemoLab.RefusalAsync(async () => await lab.RecycleBin.DeleteRuleAsync(new DeleteRuleRequest { Identifier = rule.Identifier }));
        lab.Console.MarkupLine(lab.Verdict(deleted is null, Invariant($"DeleteRule after the unlock delay: {deleted ?? "deleted"}.")));
    }

    private static async Task RestoreAsync(DemoLab lab, DemoSnapshot snapshot)
    {
        await lab.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.Id });
        var binned = await BinAsync(lab);
        lab.Show(BinTable(Invariant($"Deleted {snapshot.Name}: ListSnapshotsInRecycleBin"), binned));
        var listed = await ListedAsync(lab, snapshot.Id);
        lab.Console.MarkupLine(lab.Verdict(!listed && binned.Any(s => s.SnapshotId == snapshot.Id), Invariant($"{snapshot.Name} is in the bin and not in DescribeSnapshots.")));

        lab.Advance(TimeSpan.FromDays(1));
        await lab.Ec2.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = snapshot.Id });
        var volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = RestoreZone, SnapshotId = snapshot.Id })).Volume;
        var (compared, differing) = await lab.CompareAsync(volume, snapshot.Image);
        await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        lab.Console.MarkupLine(lab.Verdict(
            differing == 0 && await ListedAsync(lab, snapshot.Id),
            Invariant($"A day later, restored {snapshot.Name}: listed again, and {volume.VolumeId} from it reads back {compared:N0} blocks, {differing} differing.")));
    }

    private static async Task ExpireAsync(DemoLab lab, DemoSnapshot snapshot)
    {
        var predicted = (await lab.Ec2.GetSnapshotStorageAsync(new GetSnapshotStorageRequest { SnapshotId = snapshot.Id })).ExclusiveSizeInBytes / lab.BlockSize;
        var before = await lab.Cloud.ScrubAsync();
        await lab.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.Id });
        var binned = await BinAsync(lab);
        lab.Show(BinTable(Invariant($"Deleted {snapshot.Name}: ListSnapshotsInRecycleBin"), binned));
        var inBin = await lab.Cloud.ScrubAsync();

        var exit = binned.Single(s => s.SnapshotId == snapshot.Id).RecycleBinExitTime;
        lab.Advance(exit - lab.Now + TimeSpan.FromSeconds(1));
        var gone = (await BinAsync(lab)).Count == 0 && !await ListedAsync(lab, snapshot.Id);
        var after = await lab.Cloud.ScrubAsync();
        var freed = inBin.StoredChunks - after.StoredChunks;
        lab.Console.MarkupLine(lab.Verdict(gone, Invariant($"At {AwsValues.Time(lab.Now)}, past its exit time, {snapshot.Name} is in neither the bin nor DescribeSnapshots.")));
        lab.Show(new Table().Title(Invariant($"Scrub around {snapshot.Name}'s stay in the bin"))
            .AddColumns("When", "Stored chunks", "Freed", "Verdict")
            .AddRow(ScrubRow("before delete", before, 0, ""))
            .AddRow(ScrubRow("in the bin", inBin, before.StoredChunks - inBin.StoredChunks, lab.Verdict(inBin.StoredChunks == before.StoredChunks, "nothing freed: restorable")))
            .AddRow(ScrubRow("past exit time", after, freed, lab.Verdict(freed == predicted && after.IsClean, Invariant($"the {predicted} exclusive blocks GetSnapshotStorage reported")))));
    }

    private static async Task<IReadOnlyList<SnapshotRecycleBinInfo>> BinAsync(DemoLab lab)
        => (await lab.Ec2.ListSnapshotsInRecycleBinAsync(new ListSnapshotsInRecycleBinRequest())).Snapshots;

    private static async Task<bool> ListedAsync(DemoLab lab, SnapshotId snapshotId)
        => (await lab.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest())).Snapshots.Any(s => s.SnapshotId == snapshotId);

    private static Table BinTable(string title, IReadOnlyList<SnapshotRecycleBinInfo> binned)
    {
        var table = new Table().Title(title).AddColumns("Snapshot", "Description", "Entered", "Exits");
        foreach (var s in binned)
        {
            table.AddRow(s.SnapshotId.Value, s.Description, AwsValues.Time(s.RecycleBinEnterTime), AwsValues.Time(s.RecycleBinExitTime));
        }

        return table;
    }

    private static IRenderable[] ScrubRow(string when, ScrubReport report, long freed, string verdict)
        => [new Text(when), new Text(Invariant($"{report.StoredChunks}")), new Text(Invariant($"{freed}")), new Markup(verdict)];
}
