using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The unit of a retention or copy-retention interval (DLM's <c>RetentionIntervalUnitValues</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetentionIntervalUnitValues>))]
public enum RetentionIntervalUnitValues
{
    /// <summary>Days.</summary>
    [JsonStringEnumMemberName("DAYS")]
    Days,

    /// <summary>Weeks.</summary>
    [JsonStringEnumMemberName("WEEKS")]
    Weeks,

    /// <summary>Months.</summary>
    [JsonStringEnumMemberName("MONTHS")]
    Months,

    /// <summary>Years.</summary>
    [JsonStringEnumMemberName("YEARS")]
    Years,
}
