using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>What DeregisterImage did with one of the image's snapshots (AWS's <c>SnapshotReturnCodes</c>, the values the library has).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotReturnCodes>))]
public enum SnapshotReturnCodes
{
    /// <summary>The snapshot was deleted.</summary>
    [JsonStringEnumMemberName("success")]
    Success,

    /// <summary>The snapshot was kept: another image uses it.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>The snapshot was kept: it could not be deleted as it is (Fast Snapshot Restore is enabled for it).</summary>
    [JsonStringEnumMemberName("client-error")]
    ClientError,
}
