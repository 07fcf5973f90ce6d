using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// How consistent a snapshot's contents are (the library's own): whether the applications on
/// the volume were quiesced around the capture. In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, kebab-case strings.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotConsistency>))]
public enum SnapshotConsistency
{
    /// <summary>Captured as a power cut would leave the disk: no quiesce hook ran (CreateImage with NoReboot, CreateSnapshots, or CreateSnapshot without a hook).</summary>
    [JsonStringEnumMemberName("crash-consistent")]
    CrashConsistent,

    /// <summary>Captured between a quiesce hook's pre and post callbacks (or across CreateImage's reboot).</summary>
    [JsonStringEnumMemberName("application-consistent")]
    ApplicationConsistent,
}
