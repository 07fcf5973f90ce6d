using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Where CreateSnapshots copies tags from (AWS's <c>CopyTagsFromSource</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CopyTagsFromSource>))]
public enum CopyTagsFromSource
{
    /// <summary>Each snapshot gets its source volume's tags.</summary>
    [JsonStringEnumMemberName("volume")]
    Volume,
}
