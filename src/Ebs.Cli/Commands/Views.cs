using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands;

/// <summary>How volumes and snapshots are shown: JSON objects for scripts and tables for people.</summary>
internal static class Views
{
    public static object Json(Volume v) => new
    {
        VolumeId = v.Id.Value,
        v.AvailabilityZone,
        Size = v.SizeGiB,
        State = StateNames.Of(v.State),
        v.CreateTime,
        SnapshotId = v.SnapshotId?.Value,
        InitializationPercent = v.Initialization?.Percent,
        v.Tags,
    };

    public static object Json(Snapshot s) => new
    {
        SnapshotId = s.Id.Value,
        VolumeId = s.VolumeId.Value,
        VolumeSize = s.VolumeSizeGiB,
        State = StateNames.Of(s.State),
        Progress = $"{s.Progress}%",
        s.StartTime,
        s.Description,
        s.FullSnapshotSizeInBytes,
        s.IncrementalSizeInBytes,
        s.Tags,
    };

    public static object Json(MachineImage i) => new
    {
        ImageId = i.Id.Value,
        i.Name,
        State = StateNames.Of(i.State),
        i.Architecture,
        i.RootDeviceName,
        BlockDeviceMappings = i.BlockDeviceMappings.Select(m => new { m.DeviceName, SnapshotId = m.SnapshotId.Value, m.VolumeSizeGiB, m.DeleteOnTermination }),
        i.CreationDate,
        i.Description,
    };

    public static Table Images(IEnumerable<MachineImage> images)
    {
        var table = new Table().Border(TableBorder.Minimal);
        foreach (var column in new[] { "Image", "Name", "State", "Arch", "Snapshots" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var i in images)
        {
            table.AddRow(i.Id.Value, Markup.Escape(i.Name), StateNames.Of(i.State), i.Architecture, string.Join(' ', i.SnapshotIds.Select(s => s.Value)));
        }

        return table;
    }

    public static Table Volumes(IEnumerable<Volume> volumes)
    {
        var table = new Table().Border(TableBorder.Minimal);
        foreach (var column in new[] { "Volume", "Zone", "Size", "State", "Snapshot", "Loaded" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var v in volumes)
        {
            table.AddRow(v.Id.Value, v.AvailabilityZone, $"{v.SizeGiB} GiB", StateNames.Of(v.State), v.SnapshotId?.Value ?? "—", v.Initialization is { } i ? $"{i.Percent:0.#} %" : "—");
        }

        return table;
    }

    public static Table Snapshots(IEnumerable<Snapshot> snapshots)
    {
        var table = new Table().Border(TableBorder.Minimal)
            .AddColumn(new TableColumn("Snapshot").NoWrap()).AddColumn(new TableColumn("Volume").NoWrap())
            .AddColumn(new TableColumn("State").NoWrap()).AddColumn(new TableColumn("Full").NoWrap()).AddColumn(new TableColumn("Copied").NoWrap());
        foreach (var s in snapshots)
        {
            var state = s.State == SnapshotState.Completed ? StateNames.Of(s.State) : $"{StateNames.Of(s.State)} {s.Progress}%";
            table.AddRow(s.Id.Value, s.VolumeId.Value, state, ByteText.Size(s.FullSnapshotSizeInBytes), ByteText.Size(s.IncrementalSizeInBytes));
        }

        return table;
    }
}
