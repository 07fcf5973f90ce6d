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
        i.ImageOwnerAlias,
        i.Public,
        CreationDate = AwsValues.Time(i.CreationDate),
        Architecture = i.Architecture.ToAwsString(),
        VirtualizationType = i.VirtualizationType.ToAwsString(),
        BootMode = i.BootMode?.ToAwsString(),
        i.RootDeviceName,
        RootDeviceType = i.RootDeviceType.ToAwsString(),
        BlockDeviceMappings = i.BlockDeviceMappings.Select(m => new
        {
            m.DeviceName,
            Ebs = new { SnapshotId = m.Ebs.SnapshotId.Value, m.Ebs.VolumeSize, m.Ebs.DeleteOnTermination, VolumeType = m.Ebs.VolumeType?.ToAwsString(), m.Ebs.Iops, m.Ebs.Throughput },
        }),
        Tags = AwsValues.Tags(i.Tags),
    };

    public static object Json(IEnumerable<Image> images) => new { Images = images.Select(Json) };

    public static object Json(Instance i) => new
    {
        i.AmiLaunchIndex,
        ImageId = i.ImageId.Value,
        InstanceId = i.InstanceId.Value,
        LaunchTime = AwsValues.Time(i.LaunchTime),
        Placement = new { i.Placement.AvailabilityZone },
        i.RootDeviceName,
        RootDeviceType = i.RootDeviceType.ToAwsString(),
        BlockDeviceMappings = i.BlockDeviceMappings.Select(m => new
        {
            m.DeviceName,
            Ebs = new { AttachTime = AwsValues.Time(m.Ebs.AttachTime), m.Ebs.DeleteOnTermination, Status = m.Ebs.Status.ToAwsString(), VolumeId = m.Ebs.VolumeId.Value },
        }),
        State = Json(i.State),
        i.StateTransitionReason,
        Tags = AwsValues.Tags(i.Tags),
    };

    // AWS's reservation without Groups: the library has no security groups.
    public static object Json(Reservation r) => new { Instances = r.Instances.Select(Json), r.OwnerId, r.ReservationId };

    public static object Json(IEnumerable<Reservation> reservations) => new { Reservations = reservations.Select(Json) };

    public static object Json(VolumeAttachment a) => new
    {
        AttachTime = AwsValues.Time(a.AttachTime),
        a.Device,
        InstanceId = a.InstanceId.Value,
        State = a.State.ToAwsString(),
        VolumeId = a.VolumeId.Value,
    };

    public static object Json(InstanceStateChange c) => new { CurrentState = Json(c.CurrentState), InstanceId = c.InstanceId.Value, PreviousState = Json(c.PreviousState) };

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

    private static object Json(InstanceState s) => new { s.Code, Name = s.Name.ToAwsString() };

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
