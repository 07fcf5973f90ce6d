using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands;

/// <summary>
/// How volumes, snapshots, images and instances are shown: JSON with the AWS CLI's field names and formats
/// for scripts, tables for people. Fields AWS does not have stay in the tables.
/// </summary>
internal static class Views
{
    public static JsonObject Json(Volume v) => new()
    {
        ["VolumeId"] = v.VolumeId.Value,
        ["Size"] = v.Size,
        ["SnapshotId"] = v.SnapshotId?.Value ?? string.Empty,
        ["AvailabilityZone"] = v.AvailabilityZone,
        ["State"] = v.State.ToAwsString(),
        ["CreateTime"] = AwsValues.Time(v.CreateTime),
        ["Tags"] = AwsValues.Tags(v.Tags),
    };

    public static JsonObject Json(IEnumerable<Volume> volumes) => new() { ["Volumes"] = JsonItems.Array(volumes, Json) };

    public static JsonObject Json(Snapshot s) => new()
    {
        ["SnapshotId"] = s.SnapshotId.Value,
        ["VolumeId"] = s.VolumeId.Value,
        ["VolumeSize"] = s.VolumeSize,
        ["State"] = s.State.ToAwsString(),
        ["Progress"] = s.Progress,
        ["StartTime"] = AwsValues.Time(s.StartTime),
        ["CompletionTime"] = s.CompletionTime is { } completed ? AwsValues.Time(completed) : null,
        ["Description"] = s.Description,
        ["OwnerId"] = s.OwnerId,
        ["FullSnapshotSizeInBytes"] = s.FullSnapshotSizeInBytes,
        ["Tags"] = AwsValues.Tags(s.Tags),
    };

    public static JsonObject Json(IEnumerable<Snapshot> snapshots) => new() { ["Snapshots"] = JsonItems.Array(snapshots, Json) };

    public static JsonObject Json(Image i) => new()
    {
        ["ImageId"] = i.ImageId.Value,
        ["Name"] = i.Name,
        ["Description"] = i.Description,
        ["State"] = i.State.ToAwsString(),
        ["OwnerId"] = i.OwnerId,
        ["ImageOwnerAlias"] = i.ImageOwnerAlias,
        ["Public"] = i.Public,
        ["CreationDate"] = AwsValues.Time(i.CreationDate),
        ["Architecture"] = i.Architecture.ToAwsString(),
        ["VirtualizationType"] = i.VirtualizationType.ToAwsString(),
        ["BootMode"] = i.BootMode?.ToAwsString(),
        ["RootDeviceName"] = i.RootDeviceName,
        ["RootDeviceType"] = i.RootDeviceType.ToAwsString(),
        ["BlockDeviceMappings"] = JsonItems.Array(i.BlockDeviceMappings, m => new JsonObject
        {
            ["DeviceName"] = m.DeviceName,
            ["Ebs"] = new JsonObject
            {
                ["SnapshotId"] = m.Ebs.SnapshotId.Value,
                ["VolumeSize"] = m.Ebs.VolumeSize,
                ["DeleteOnTermination"] = m.Ebs.DeleteOnTermination,
                ["VolumeType"] = m.Ebs.VolumeType?.ToAwsString(),
                ["Iops"] = m.Ebs.Iops,
                ["Throughput"] = m.Ebs.Throughput,
            },
        }),
        ["Tags"] = AwsValues.Tags(i.Tags),
    };

    public static JsonObject Json(IEnumerable<Image> images) => new() { ["Images"] = JsonItems.Array(images, Json) };

    public static JsonObject Json(Instance i) => new()
    {
        ["AmiLaunchIndex"] = i.AmiLaunchIndex,
        ["ImageId"] = i.ImageId.Value,
        ["InstanceId"] = i.InstanceId.Value,
        ["LaunchTime"] = AwsValues.Time(i.LaunchTime),
        ["Placement"] = new JsonObject { ["AvailabilityZone"] = i.Placement.AvailabilityZone },
        ["RootDeviceName"] = i.RootDeviceName,
        ["RootDeviceType"] = i.RootDeviceType.ToAwsString(),
        ["BlockDeviceMappings"] = JsonItems.Array(i.BlockDeviceMappings, m => new JsonObject
        {
            ["DeviceName"] = m.DeviceName,
            ["Ebs"] = new JsonObject
            {
                ["AttachTime"] = AwsValues.Time(m.Ebs.AttachTime),
                ["DeleteOnTermination"] = m.Ebs.DeleteOnTermination,
                ["Status"] = m.Ebs.Status.ToAwsString(),
                ["VolumeId"] = m.Ebs.VolumeId.Value,
            },
        }),
        ["State"] = Json(i.State),
        ["StateTransitionReason"] = i.StateTransitionReason,
        ["Tags"] = AwsValues.Tags(i.Tags),
    };

    // AWS's reservation without Groups: the library has no security groups.
    public static JsonObject Json(Reservation r) => new() { ["Instances"] = JsonItems.Array(r.Instances, Json), ["OwnerId"] = r.OwnerId, ["ReservationId"] = r.ReservationId };

    public static JsonObject Json(IEnumerable<Reservation> reservations) => new() { ["Reservations"] = JsonItems.Array(reservations, Json) };

    public static JsonObject Json(VolumeAttachment a) => new()
    {
        ["AttachTime"] = AwsValues.Time(a.AttachTime),
        ["Device"] = a.Device,
        ["InstanceId"] = a.InstanceId.Value,
        ["State"] = a.State.ToAwsString(),
        ["VolumeId"] = a.VolumeId.Value,
    };

    public static JsonObject Json(InstanceStateChange c) => new() { ["CurrentState"] = Json(c.CurrentState), ["InstanceId"] = c.InstanceId.Value, ["PreviousState"] = Json(c.PreviousState) };

    public static Table Instances(IEnumerable<Reservation> reservations)
    {
        var table = Table("Instance", "Image", "Zone", "State", "Launched", "Volumes");
        foreach (var i in reservations.SelectMany(r => r.Instances))
        {
            table.AddRow(
                i.InstanceId.Value,
                i.ImageId.Value,
                i.Placement.AvailabilityZone ?? "—",
                i.State.Name.ToAwsString(),
                AwsValues.Time(i.LaunchTime),
                i.BlockDeviceMappings.Count == 0 ? "—" : string.Join(' ', i.BlockDeviceMappings.Select(m => $"{m.DeviceName}={m.Ebs.VolumeId}")));
        }

        return table;
    }

    public static Table StateChanges(IEnumerable<InstanceStateChange> changes)
    {
        var table = Table("Instance", "Previous", "Current");
        foreach (var c in changes)
        {
            table.AddRow(c.InstanceId.Value, c.PreviousState.Name.ToAwsString(), c.CurrentState.Name.ToAwsString());
        }

        return table;
    }

    public static Table Attachments(IEnumerable<VolumeAttachment> attachments)
    {
        var table = Table("Volume", "Instance", "Device", "State");
        foreach (var a in attachments)
        {
            table.AddRow(a.VolumeId.Value, a.InstanceId.Value, Markup.Escape(a.Device), a.State.ToAwsString());
        }

        return table;
    }

    public static Table Images(IEnumerable<Image> images)
    {
        var table = Table("Image", "Name", "State", "Arch", "Owner", "Public", "Snapshots");
        foreach (var i in images)
        {
            table.AddRow(i.ImageId.Value, Markup.Escape(i.Name), i.State.ToAwsString(), i.Architecture.ToAwsString(), i.ImageOwnerAlias ?? i.OwnerId, i.Public ? "yes" : "no", string.Join(' ', i.BlockDeviceMappings.Select(m => m.Ebs.SnapshotId.Value).Distinct()));
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

    private static JsonObject Json(InstanceState s) => new() { ["Code"] = s.Code, ["Name"] = s.Name.ToAwsString() };

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
