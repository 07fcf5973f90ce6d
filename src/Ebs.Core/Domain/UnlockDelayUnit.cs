using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The unit of an unlock delay (rbin's <c>UnlockDelayUnit</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnlockDelayUnit>))]
public enum UnlockDelayUnit
{
    /// <summary>Days.</summary>
    [JsonStringEnumMemberName("DAYS")]
    Days,
}
