using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The unit of a creation interval (DLM's <c>IntervalUnitValues</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntervalUnitValues>))]
public enum IntervalUnitValues
{
    /// <summary>Hours.</summary>
    [JsonStringEnumMemberName("HOURS")]
    Hours,
}
