using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// Fast Snapshot Restore: once enabled in a zone, a volume created there while a creation
/// credit is available is fully initialized at once; without a credit, or in another zone, it
/// is lazily loaded. The snapshot cannot be deleted until FSR is disabled.
/// </summary>
internal static class FastSnapshotRestoreSection
{
    // A 1-TiB snapshot earns one volume creation credit an hour and holds one at most (AWS:
    // 1024 / size in GiB an hour, at most 10), so the second volume finds the bucket empty.
    private const int VolumeSizeGiB = 1024;

    private const string OtherZone = "us-east-1b";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(30);

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <returns>How long Fast Snapshot Restore was enabled, from enabling to disabled.</returns>
    public static async Task<TimeSpan> RunAsync(DemoLab lab)
    {
        lab.Section("Fast Snapshot Restore");
        var snapshot = await lab.TakeSnapshotAsync("G", VolumeSizeGiB, 4);
        await lab.Ec2.EnableFastSnapshotRestoresAsync(new EnableFastSnapshotRestoresRequest { AvailabilityZones = [DemoLab.HomeZone], SourceSnapshotIds = [snapshot.Id] });
        lab.Console.MarkupLineInterpolated($"Enabled Fast Snapshot Restore of G ([bold]{snapshot.Id}[/], {VolumeSizeGiB} GiB) in {DemoLab.HomeZone}.");
        var (enabling, _) = await PollAsync(lab, snapshot, FastSnapshotRestoreStateCode.Enabled, "enabling");
        lab.Show(enabling);

        lab.Advance(TimeSpan.FromHours(1));
        var volumes = new Table().Title("CreateVolume from G, then DescribeVolumes")
            .Caption("A 1-TiB snapshot earns one creation credit an hour in each enabled zone, and holds one at most.")
            .AddColumns("Volume", "Zone", "Created", "FastRestored", "Initialization", "Verdict");
        await AddVolumeAsync(lab, volumes, snapshot, DemoLab.HomeZone, fast: true, "credit available: initialized at once");
        await AddVolumeAsync(lab, volumes, snapshot, DemoLab.HomeZone, fast: false, "no credit left: lazy");
        await AddVolumeAsync(lab, volumes, snapshot, OtherZone, fast: false, "zone not enabled: lazy");
        lab.Show(volumes);

        var refused = await DemoLab.RefusalAsync(async () => await lab.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.Id }));
        lab.Console.MarkupLine(lab.Verdict(refused == EbsErrorCodes.InvalidSnapshotInUse, Invariant($"DeleteSnapshot of G while enabled: {refused ?? "accepted"}.")));

        await lab.Ec2.DisableFastSnapshotRestoresAsync(new DisableFastSnapshotRestoresRequest { AvailabilityZones = [DemoLab.HomeZone], SourceSnapshotIds = [snapshot.Id] });
        var (disabling, disabled) = await PollAsync(lab, snapshot, FastSnapshotRestoreStateCode.Disabled, "disabling");
        lab.Show(disabling);
        var deleted = await DemoLab.RefusalAsync(async () => await lab.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.Id }));
        lab.Console.MarkupLine(lab.Verdict(deleted is null, Invariant($"DeleteSnapshot of G once disabled: {deleted ?? "deleted"}.")));
        return disabled.DisabledTime!.Value - disabled.EnablingTime!.Value;
    }

    /// <summary>Describes G's restore in the home zone every poll interval until it reaches <paramref name="until"/>.</summary>
    private static async Task<(Table Table, FastSnapshotRestoreSuccessItem Last)> PollAsync(DemoLab lab, DemoSnapshot snapshot, FastSnapshotRestoreStateCode until, string what)
    {
        var table = new Table().Title(Invariant($"DescribeFastSnapshotRestores after {what}, every {PollInterval.TotalMinutes:0} simulated minutes"))
            .AddColumns("Clock", "State", "Optimizing at", "Enabled at", "Disabled at");
        FastSnapshotRestoreSuccessItem item;
        do
        {
            item = (await lab.Ec2.DescribeFastSnapshotRestoresAsync(new DescribeFastSnapshotRestoresRequest
            {
                Filters = [new Filter("snapshot-id", snapshot.Id.Value), new Filter("availability-zone", DemoLab.HomeZone)],
            })).FastSnapshotRestores.Single();
            table.AddRow(AwsValues.Time(lab.Now), item.State.ToAwsString(), TimeOrDash(item.OptimizingTime), TimeOrDash(item.EnabledTime), TimeOrDash(item.DisabledTime));
            if (item.State != until)
            {
                lab.Advance(PollInterval);
            }
        }
        while (item.State != until);

        return (table, item);
    }

    private static async Task AddVolumeAsync(DemoLab lab, Table table, DemoSnapshot snapshot, string zone, bool fast, string expected)
    {
        var created = (await lab.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = zone, SnapshotId = snapshot.Id })).Volume;
        var volume = (await lab.Ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [created.VolumeId] })).Volumes.Single();
        await lab.Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        var initialization = volume.Initialization!;
        table.AddRow(
            new Text(volume.VolumeId.Value),
            new Text(zone),
            new Text(AwsValues.Time(volume.CreateTime)),
            new Text(volume.FastRestored ? "yes" : "no"),
            new Text(Invariant($"{initialization.InitializedBlocks} of {initialization.TotalBlocks} blocks")),
            new Markup(lab.Verdict(volume.FastRestored == fast && initialization.IsComplete == fast, expected)));
    }

    private static string TimeOrDash(DateTimeOffset? instant) => instant is { } at ? AwsValues.Time(at) : "—";
}
