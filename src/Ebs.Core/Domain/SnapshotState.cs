using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of an EBS snapshot (AWS's <c>SnapshotState</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotState>))]
public enum SnapshotState
{
    /// <summary>The snapshot's blocks are still being copied; its contents are already fixed.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The snapshot is complete and usable.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The snapshot failed.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
