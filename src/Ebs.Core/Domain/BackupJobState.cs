using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state of an AWS Backup job (<c>BackupJobState</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackupJobState>))]
public enum BackupJobState
{
    /// <summary>Created; a scheduled job waits for its start window here.</summary>
    [JsonStringEnumMemberName("CREATED")]
    Created,

    /// <summary>Waiting to run.</summary>
    [JsonStringEnumMemberName("PENDING")]
    Pending,

    /// <summary>The snapshot is being copied.</summary>
    [JsonStringEnumMemberName("RUNNING")]
    Running,

    /// <summary>Being stopped.</summary>
    [JsonStringEnumMemberName("ABORTING")]
    Aborting,

    /// <summary>Stopped.</summary>
    [JsonStringEnumMemberName("ABORTED")]
    Aborted,

    /// <summary>Done: the recovery point is complete.</summary>
    [JsonStringEnumMemberName("COMPLETED")]
    Completed,

    /// <summary>Failed, such as a lifecycle outside the target vault's lock; the status message says why.</summary>
    [JsonStringEnumMemberName("FAILED")]
    Failed,

    /// <summary>Not started within its start window.</summary>
    [JsonStringEnumMemberName("EXPIRED")]
    Expired,

    /// <summary>Partly done (composite jobs).</summary>
    [JsonStringEnumMemberName("PARTIAL")]
    Partial,
}
