using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The last archive or restore operation of a snapshot and how far it got (AWS's
/// <c>TieringOperationStatus</c>). The library never fails an operation, so the <c>-failed</c>
/// values are AWS's but never reported.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TieringOperationStatus>))]
public enum TieringOperationStatus
{
    /// <summary>The snapshot is being archived; it is still usable.</summary>
    [JsonStringEnumMemberName("archival-in-progress")]
    ArchivalInProgress,

    /// <summary>The snapshot is in the archive tier.</summary>
    [JsonStringEnumMemberName("archival-completed")]
    ArchivalCompleted,

    /// <summary>Archiving failed.</summary>
    [JsonStringEnumMemberName("archival-failed")]
    ArchivalFailed,

    /// <summary>A temporary restore is under way.</summary>
    [JsonStringEnumMemberName("temporary-restore-in-progress")]
    TemporaryRestoreInProgress,

    /// <summary>A temporary restore completed: a standard copy is usable until its expiry time, the archive copy stays.</summary>
    [JsonStringEnumMemberName("temporary-restore-completed")]
    TemporaryRestoreCompleted,

    /// <summary>A temporary restore failed.</summary>
    [JsonStringEnumMemberName("temporary-restore-failed")]
    TemporaryRestoreFailed,

    /// <summary>A permanent restore is under way.</summary>
    [JsonStringEnumMemberName("permanent-restore-in-progress")]
    PermanentRestoreInProgress,

    /// <summary>A permanent restore completed: the snapshot is back in the standard tier and out of the archive.</summary>
    [JsonStringEnumMemberName("permanent-restore-completed")]
    PermanentRestoreCompleted,

    /// <summary>A permanent restore failed.</summary>
    [JsonStringEnumMemberName("permanent-restore-failed")]
    PermanentRestoreFailed,
}
