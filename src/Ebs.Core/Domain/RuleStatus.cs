using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state of a retention rule (rbin's <c>RuleStatus</c>); only <see cref="Available"/> rules retain resources.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleStatus>))]
public enum RuleStatus
{
    /// <summary>Being set up; AWS's first rule of a Region may stay so for up to 30 minutes. This library's rules never are.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>In effect.</summary>
    [JsonStringEnumMemberName("available")]
    Available,
}
