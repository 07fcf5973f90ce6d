using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state of a lifecycle policy as described (DLM's <c>GettablePolicyStateValues</c>); this library never reports <c>ERROR</c>, a run that cannot snapshot one target skips it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GettablePolicyStateValues>))]
public enum GettablePolicyStateValues
{
    /// <summary>The policy runs its schedules.</summary>
    [JsonStringEnumMemberName("ENABLED")]
    Enabled,

    /// <summary>The policy neither creates nor deletes anything.</summary>
    [JsonStringEnumMemberName("DISABLED")]
    Disabled,

    /// <summary>The policy failed (never reported here).</summary>
    [JsonStringEnumMemberName("ERROR")]
    Error,
}
