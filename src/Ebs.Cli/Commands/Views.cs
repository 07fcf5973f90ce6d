using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands;

/// <summary>
/// How volumes, snapshots and images are shown: JSON with the AWS CLI's field names and formats
/// for scripts, tables for people. Fields AWS does not have stay in the tables.
/// </summary>
internal static class Views
{
    public static object Json(Volume v) => new
    {
        VolumeId = v.Id.Value,
        Size = v.SizeGiB,
        SnapshotId = v.SnapshotId?.Value ?? string.Empty,
        v.AvailabilityZone,
        State = StateNames.Of(v.State),
        CreateTime = AwsValues.Time(v.CreateTime),
        Tags = AwsValues.Tags(v.Tags),
    };

    public static object Json(IEnumerable<Volume> volumes) => new { Volumes = volumes.Select(Json) };

    public static object Json(Snapshot s) => new
    {
        SnapshotId = s.Id.Value,
        VolumeId = s.VolumeId.Value,
        VolumeSize = s.VolumeSizeGiB,
        State = StateNames.Of(s.State),
        Progress = $"{s.Progress}%",
        StartTime = AwsValues.Time(s.StartTime),
        CompletionTime = s.CompletionTime is { } completed ? AwsValues.Time(completed) : null,
        s.Description,
        s.OwnerId,
        s.FullSnapshotSizeInBytes,
        Tags = AwsValues.Tags(s.Tags),
    };

    public static object Json(IEnumerable<Snapshot> snapshots) => new { Snapshots = snapshots.Select(Json) };

    public static object Json(MachineImage i) => new
    {
        ImageId = i.Id.Value,
        i.Name,
        i.Description,
        State = StateNames.Of(i.State),
        i.OwnerId,
        CreationDate = AwsValues.Time(i.CreationDate),
        i.Architecture,
        i.VirtualizationType,
        i.BootMode,
        i.RootDeviceName,
        i.RootDeviceType,
        BlockDeviceMappings = i.BlockDeviceMappings.Select(m => new
        {
            m.DeviceName,
            Ebs = new { SnapshotId = m.SnapshotId.Value, VolumeSize = m.VolumeSizeGiB, m.DeleteOnTermination },
        }),
        Tags = AwsValues.Tags(i.Tags),
    };

    public static object Json(IEnumerable<MachineImage> images) => new { Images = images.Select(Json) };

    public static Table Images(IEnumerable<MachineImage> images)
    {
        var table = Table("Image", "Name", "State", "Arch", "Snapshots");
        foreach (var i in images)
        {
            table.AddRow(i.Id.Value, Markup.Escape(i.Name), StateNames.Of(i.State), i.Architecture, string.Join(' ', i.SnapshotIds.Select(s => s.Value)));
        }

        return table;
    }

    public static Table Volumes(IEnumerable<Volume> volumes)
    {
        var table = Table("Volume", "Zone", "Size", "State", "Snapshot", "Loaded");
        foreach (var v in volumes)
        {
            table.AddRow(v.Id.Value, v.AvailabilityZone, $"{v.SizeGiB} GiB", StateNames.Of(v.State), v.SnapshotId?.Value ?? "—", v.Initialization is { } i ? $"{i.Percent:0.#} %" : "—");
        }

        return table;
    }

    public static Table Snapshots(IEnumerable<Snapshot> snapshots)
    {
        var table = Table("Snapshot", "Volume", "State", "Full", "Copied");
        foreach (var s in snapshots)
        {
            var state = s.State == SnapshotState.Completed ? StateNames.Of(s.State) : $"{StateNames.Of(s.State)} {s.Progress}%";
            table.AddRow(s.Id.Value, s.VolumeId.Value, state, ByteText.Size(s.FullSnapshotSizeInBytes), ByteText.Size(s.IncrementalSizeInBytes));
        }

        return table;
    }

    // No column wraps: ids, states and sizes are read and copied whole.
    private static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Minimal);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        return table;
    }
}
