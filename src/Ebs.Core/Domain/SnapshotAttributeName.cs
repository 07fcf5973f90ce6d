using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The attributes of a snapshot (AWS's <c>SnapshotAttributeName</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotAttributeName>))]
public enum SnapshotAttributeName
{
    /// <summary>The product codes: none in the library (no Marketplace), so always empty.</summary>
    [JsonStringEnumMemberName("productCodes")]
    ProductCodes,

    /// <summary>Who may create volumes from the snapshot besides its owner: accounts, and the group <c>all</c>.</summary>
    [JsonStringEnumMemberName("createVolumePermission")]
    CreateVolumePermission,
}
