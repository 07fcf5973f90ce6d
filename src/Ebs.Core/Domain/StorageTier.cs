using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The storage tier a snapshot is in (AWS's <c>StorageTier</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageTier>))]
public enum StorageTier
{
    /// <summary>The standard tier: the snapshot is ready for use.</summary>
    [JsonStringEnumMemberName("standard")]
    Standard,

    /// <summary>The archive tier: the snapshot must be restored before it can be used.</summary>
    [JsonStringEnumMemberName("archive")]
    Archive,
}
