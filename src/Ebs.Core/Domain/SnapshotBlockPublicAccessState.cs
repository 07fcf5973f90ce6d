using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Block public access for snapshots in an account and Region (AWS's <c>SnapshotBlockPublicAccessState</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotBlockPublicAccessState>))]
public enum SnapshotBlockPublicAccessState
{
    /// <summary>No snapshot can be made public, and those already public are treated as private (their permission stays, and counts again once unblocked).</summary>
    [JsonStringEnumMemberName("block-all-sharing")]
    BlockAllSharing,

    /// <summary>No snapshot can be made public; those already public stay public.</summary>
    [JsonStringEnumMemberName("block-new-sharing")]
    BlockNewSharing,

    /// <summary>Snapshots can be made public (the default).</summary>
    [JsonStringEnumMemberName("unblocked")]
    Unblocked,
}
