using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The unit of a retention period (rbin's <c>RetentionPeriodUnit</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetentionPeriodUnit>))]
public enum RetentionPeriodUnit
{
    /// <summary>Days.</summary>
    [JsonStringEnumMemberName("DAYS")]
    Days,
}
