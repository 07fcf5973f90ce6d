using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The checksum algorithms of the EBS direct APIs (AWS's <c>ChecksumAlgorithm</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChecksumAlgorithm>))]
public enum ChecksumAlgorithm
{
    /// <summary>SHA-256, Base64-encoded: the only algorithm AWS supports.</summary>
    [JsonStringEnumMemberName("SHA256")]
    Sha256,
}
