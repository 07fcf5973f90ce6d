using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>How a selection's tag condition compares (AWS Backup's <c>ConditionType</c>); AWS has one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionType>))]
public enum ConditionType
{
    /// <summary>The resource has the tag with exactly this value.</summary>
    [JsonStringEnumMemberName("STRINGEQUALS")]
    StringEquals,
}
