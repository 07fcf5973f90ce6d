using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// The archive tier: a snapshot being archived is still usable, an archived one is not; a
/// temporary restore makes it usable again, byte for byte, until its restore period expires.
/// </summary>
internal static class ArchiveSection
{
    private const int TemporaryRestoreDays = 2;

    // Another zone than the source volume's: a snapshot is Regional.
    private const string RestoreZone = "us-east-1b";

    // Archival and restore take a day or more: polling once a simulated day keeps the table short.
    private static readonly TimeSpan PollInterval = TimeSpan.FromDays(1);

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>The snapshot archived and restored, archived again.</returns>
    public static async Task<DemoSnapshot> RunAsync(DemoLab lab)
    {
        lab.Section("Archive tier");
        var snapshot = await lab.TakeSnapshotAsync("F", 1, 12);
        var table = new Table().Title(Invariant($"DescribeSnapshotTierStatus of F, and CreateVolume from it in {RestoreZone}"))
            .AddColumns("Clock", "Last tiering operation", "Tier", "Progress", "Restore expiry", "CreateVolume", "Verdict");

        var archiving = await lab.Ec2.ModifySnapshotTierAsync(new ModifySnapshotTierRequest { SnapshotId = snapshot.Id, StorageTier = TargetStorageTier.Archive });
        lab.Console.MarkupLineInterpolated($"ModifySnapshotTier of F ([bold]{snapshot.Id}[/]), not used by any image, at {AwsValues.Time(archiving.TieringStartTime)}.");
        await PollAsync(lab, table, snapshot, TieringOperationStatus.ArchivalInProgress);

        var restore = await lab.Ec2.RestoreSnapshotTierAsync(new RestoreSnapshotTierRequest { SnapshotId = snapshot.Id, TemporaryRestoreDays = TemporaryRestoreDays });
        lab.Console.MarkupLineInterpolated($"RestoreSnapshotTier of F for {restore.RestoreDuration} days at {AwsValues.Time(restore.RestoreStartTime)}.");
        var restored = await PollAsync(lab, table, snapshot, TieringOperationStatus.TemporaryRestoreInProgress);

        lab.Advance(restored.RestoreExpiryTime!.Value - lab.Now + TimeSpan.FromHours(1));
        await AddRowAsync(lab, table, snapshot);
        lab.Show(table);
        return snapshot;
    }

    /// <summary>Adds a row now, then one per poll while the operation is <paramref name="inProgress"/>, and the first after it.</summary>
    private static async Task<SnapshotTierStatus> PollAsync(DemoLab lab, Table table, DemoSnapshot snapshot, TieringOperationStatus inProgress)
    {
        var status = await AddRowAsync(lab, table, snapshot);
        while (status.LastTieringOperationStatus == inProgress)
        {
            lab.Advance(PollInterval);
            status = await AddRowAsync(lab, table, snapshot);
        }

        return status;
    }

    private static async Task<SnapshotTierStatus> AddRowAsync(DemoLab lab, Table table, DemoSnapshot snapshot)
    {
        var status = (await lab.Ec2.DescribeSnapshotTierStatusAsync(new DescribeSnapshotTierStatusRequest
        {
            Filters = [new Filter("snapshot-id", snapshot.Id.Value)],
        })).SnapshotTierStatuses.Single();

        // What the archive guide says: usable while being archived, and while temporarily restored until the expiry.
        var usable = status.LastTieringOperationStatus == TieringOperationStatus.ArchivalInProgress
            || (status.LastTieringOperationStatus == TieringOperationStatus.TemporaryRestoreCompleted && lab.Now < status.RestoreExpiryTime);
        var (outcome, verdict) = await TryCreateVolumeAsync(lab, snapshot, usable);
        table.AddRow(
            new Text(AwsValues.Time(lab.Now)),
            new Text(status.LastTieringOperationStatus.ToAwsString()),
            new Text(status.StorageTier.ToAwsString()),
            new Text(Invariant($"{status.LastTieringProgress} %")),
            new Text(status.RestoreExpiryTime is { } expiry ? AwsValues.Time(expiry) : "—"),
            new Text(outcome),
            new Markup(verdict));
        return status;
    }

    private static async Task<(string Outcome, string Verdict)> TryCreateVolumeAsync(DemoLab lab, DemoSnapshot snapshot, bool usable)
    {
        Volume? volume = null;
        var refused = await DemoLab.RefusalAsync(async () =>
            volume = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = RestoreZone, SnapshotId = snapshot.Id })).Volume);
        if (volume is null)
        {
            return (Invariant($"refused: {refused}"), lab.Verdict(!usable && refused == EbsErrorCodes.IncorrectState, "not usable"));
        }

        var (compared, differing) = await lab.CompareAsync(volume, snapshot.Image);
        await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        return (Invariant($"{volume.VolumeId}: {compared:N0} blocks, {differing} differing"), lab.Verdict(usable && differing == 0, "usable, byte-exact"));
    }
}
