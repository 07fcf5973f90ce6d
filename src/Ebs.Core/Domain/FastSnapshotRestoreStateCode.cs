using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The states of Fast Snapshot Restore for a snapshot in an Availability Zone (AWS's <c>FastSnapshotRestoreStateCode</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FastSnapshotRestoreStateCode>))]
public enum FastSnapshotRestoreStateCode
{
    /// <summary>A request was made to enable it.</summary>
    [JsonStringEnumMemberName("enabling")]
    Enabling,

    /// <summary>It is being enabled: 60 minutes per TiB of the snapshot's volume size.</summary>
    [JsonStringEnumMemberName("optimizing")]
    Optimizing,

    /// <summary>It is enabled: volumes created in the zone with a credit are fully initialized.</summary>
    [JsonStringEnumMemberName("enabled")]
    Enabled,

    /// <summary>A request was made to disable it (or the snapshot was deleted, archived or binned).</summary>
    [JsonStringEnumMemberName("disabling")]
    Disabling,

    /// <summary>It is disabled; it can be enabled again.</summary>
    [JsonStringEnumMemberName("disabled")]
    Disabled,
}
