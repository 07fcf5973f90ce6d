using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The status of a restore job (AWS Backup's <c>RestoreJobStatus</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RestoreJobStatus>))]
public enum RestoreJobStatus
{
    /// <summary>Waiting to run.</summary>
    [JsonStringEnumMemberName("PENDING")]
    Pending,

    /// <summary>Running.</summary>
    [JsonStringEnumMemberName("RUNNING")]
    Running,

    /// <summary>Done: the resource is created.</summary>
    [JsonStringEnumMemberName("COMPLETED")]
    Completed,

    /// <summary>Stopped.</summary>
    [JsonStringEnumMemberName("ABORTED")]
    Aborted,

    /// <summary>Failed.</summary>
    [JsonStringEnumMemberName("FAILED")]
    Failed,
}
