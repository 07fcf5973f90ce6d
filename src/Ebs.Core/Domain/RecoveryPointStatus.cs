using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The status of a recovery point (AWS Backup's <c>RecoveryPointStatus</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecoveryPointStatus>))]
public enum RecoveryPointStatus
{
    /// <summary>Complete; what this library's EBS recovery points show once their snapshot completes (as public EBS output does).</summary>
    [JsonStringEnumMemberName("COMPLETED")]
    Completed,

    /// <summary>Partly created.</summary>
    [JsonStringEnumMemberName("PARTIAL")]
    Partial,

    /// <summary>Being deleted.</summary>
    [JsonStringEnumMemberName("DELETING")]
    Deleting,

    /// <summary>Past its retention but not deleted.</summary>
    [JsonStringEnumMemberName("EXPIRED")]
    Expired,

    /// <summary>Created successfully.</summary>
    [JsonStringEnumMemberName("AVAILABLE")]
    Available,

    /// <summary>A stopped continuous backup.</summary>
    [JsonStringEnumMemberName("STOPPED")]
    Stopped,

    /// <summary>Its backup job is running: the snapshot is pending.</summary>
    [JsonStringEnumMemberName("CREATING")]
    Creating,
}
