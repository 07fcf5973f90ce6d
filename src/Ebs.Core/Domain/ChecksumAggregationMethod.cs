using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>How CompleteSnapshot's checksum aggregates the blocks' checksums (AWS's <c>ChecksumAggregationMethod</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChecksumAggregationMethod>))]
public enum ChecksumAggregationMethod
{
    /// <summary>
    /// The SHA-256 of the concatenated 32-byte SHA-256 digests of every block written to the
    /// snapshot, in ascending block-index order: the only method AWS supports.
    /// </summary>
    [JsonStringEnumMemberName("LINEAR")]
    Linear,
}
