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
        VolumeId = v.VolumeId.Value,
        v.Size,
        SnapshotId = v.SnapshotId?.Value ?? string.Empty,
        v.AvailabilityZone,
        State = v.State.ToAwsString(),
        CreateTime = AwsValues.Time(v.CreateTime),
        Tags = AwsValues.Tags(v.Tags),
    };

    public static object Json(IEnumerable<Volume> volumes) => new { Volumes = volumes.Select(Json) };

    public static object Json(Snapshot s) => new
    {
        SnapshotId = s.SnapshotId.Value,
        VolumeId = s.VolumeId.Value,
        s.VolumeSize,
        State = s.State.ToAwsString(),
        s.Progress,
        StartTime = AwsValues.Time(s.StartTime),
        CompletionTime = s.CompletionTime is { } completed ? AwsValues.Time(completed) : null,
        s.Description,
        s.OwnerId,
        s.FullSnapshotSizeInBytes,
        Tags = AwsValues.Tags(s.Tags),
    };

    public static object Json(IEnumerable<Snapshot> snapshots) => new { Snapshots = snapshots.Select(Json) };

    public static object Json(Image i) => new
    {
        ImageId = i.ImageId.Value,
        i.Name,
        i.Description,
        State = i.State.ToAwsString(),
        i.OwnerId,
        CreationDate = AwsValues.Time(i.CreationDate),
        Architecture = i.Architecture.ToAwsString(),
        VirtualizationType = i.VirtualizationType.ToAwsString(),
        BootMode = i.BootMode?.ToAwsString(),
        i.RootDeviceName,
        RootDeviceType = i.RootDeviceType.ToAwsString(),
        BlockDeviceMappings = i.BlockDeviceMappings.Select(m => new
        {
            m.DeviceName,
            Ebs = new { SnapshotId = m.Ebs.SnapshotId.Value, m.Ebs.VolumeSize, m.Ebs.DeleteOnTermination },
        }),
        Tags = AwsValues.Tags(i.Tags),
    };

    public static object Json(IEnumerable<Image> images) => new { Images = images.Select(Json) };

    public static Table Images(IEnumerable<Image> images)
    {
        var table = Table("Image", "Name", "State", "Arch", "Snapshots");
        foreach (var i in images)
        {
            table.AddRow(i.ImageId.Value, Markup.Escape(i.Name), i.State.ToAwsString(), i.Architecture.ToAwsString(), string.Join(' ', i.BlockDeviceMappings.Select(m => m.Ebs.SnapshotId.Value).Distinct()));
        }

        return table;
    }

    public static Table Volumes(IEnumerable<Volume> volumes)
    {
        var table = Table("Volume", "Zone", "Size", "State", "Snapshot", "Loaded");
        foreach (var v in volumes)
        {
            table.AddRow(v.VolumeId.Value, v.AvailabilityZone, $"{v.Size} GiB", v.State.ToAwsString(), v.SnapshotId?.Value ?? "—", v.Initialization is { } i ? $"{i.Percent:0.#} %" : "—");
        }

        return table;
    }

    public static Table Snapshots(IEnumerable<Snapshot> snapshots)
    {
        var table = Table("Snapshot", "Volume", "State", "Full", "Copied");
        foreach (var s in snapshots)
        {
            var state = s.State == SnapshotState.Completed ? s.State.ToAwsString() : $"{s.State.ToAwsString()} {s.Progress}";
            table.AddRow(s.SnapshotId.Value, s.VolumeId.Value, state, ByteText.Size(s.FullSnapshotSizeInBytes), ByteText.Size(s.IncrementalSizeInBytes));
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
