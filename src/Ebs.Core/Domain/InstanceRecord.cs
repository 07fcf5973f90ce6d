using System.Globalization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of an instance. Its state is stored as the state it is heading for
/// (<see cref="State"/>: running, stopped or terminated) and the instant it gets there
/// (<see cref="SettlesAt"/>); before that instant it is in the matching transition (pending,
/// stopping, shutting-down). The volumes attached to it are stored on the volumes
/// (<see cref="Volume.Attachments"/>).
/// </summary>
internal sealed record InstanceRecord
{
    /// <summary>How long <c>pending</c>, <c>stopping</c> and <c>shutting-down</c> last: AWS gives no figure; the library takes 30 seconds.</summary>
    public static readonly TimeSpan TransitionTime = TimeSpan.FromSeconds(30);

    public required InstanceId InstanceId { get; init; }

    public required string ReservationId { get; init; }

    public required string OwnerId { get; init; }

    public required string Region { get; init; }

    public required string AvailabilityZone { get; init; }

    public required ImageId ImageId { get; init; }

    public required int AmiLaunchIndex { get; init; }

    public required DeviceType RootDeviceType { get; init; }

    public required string RootDeviceName { get; init; }

    /// <summary>Gets the time it was launched or last started.</summary>
    public required DateTimeOffset LaunchTime { get; init; }

    /// <summary>Gets the state it is in from <see cref="SettlesAt"/>: running, stopped or terminated.</summary>
    public required InstanceStateName State { get; init; }

    public required DateTimeOffset SettlesAt { get; init; }

    public string StateTransitionReason { get; init; } = string.Empty;

    public TagList Tags { get; init; } = TagList.Empty;

    public InstanceStateName StateAt(DateTimeOffset now) => now >= SettlesAt
        ? State
        : State switch
        {
            InstanceStateName.Running => InstanceStateName.Pending,
            InstanceStateName.Stopped => InstanceStateName.Stopping,
            _ => InstanceStateName.ShuttingDown,
        };

    /// <summary>Heads for <paramref name="state"/> from <paramref name="now"/>, arriving after <see cref="TransitionTime"/>.</summary>
    public InstanceRecord Heading(InstanceStateName state, DateTimeOffset now) => this with
    {
        State = state,
        SettlesAt = now + TransitionTime,
        LaunchTime = state == InstanceStateName.Running ? now : LaunchTime,
        StateTransitionReason = state == InstanceStateName.Running
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"User initiated ({now.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)"),
    };

    /// <summary>The public view at <paramref name="now"/>, with the volumes attached to it.</summary>
    public Instance ViewAt(DateTimeOffset now, IEnumerable<VolumeAttachment> attachments) => new()
    {
        InstanceId = InstanceId,
        ImageId = ImageId,
        State = InstanceState.Of(StateAt(now)),
        StateTransitionReason = StateTransitionReason,
        LaunchTime = LaunchTime,
        Placement = new Placement { AvailabilityZone = AvailabilityZone },
        AmiLaunchIndex = AmiLaunchIndex,
        RootDeviceType = RootDeviceType,
        RootDeviceName = RootDeviceName,
        BlockDeviceMappings = ValueList<InstanceBlockDeviceMapping>.From(attachments
            .OrderBy(a => a.Device, StringComparer.Ordinal)
            .Select(a => new InstanceBlockDeviceMapping
            {
                DeviceName = a.Device,
                Ebs = new EbsInstanceBlockDevice { VolumeId = a.VolumeId, Status = a.State, AttachTime = a.AttachTime, DeleteOnTermination = a.DeleteOnTermination },
            })),
        Tags = Tags,
        Region = Region,
    };
}
