using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state a lifecycle policy may be set to (DLM's <c>SettablePolicyStateValues</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SettablePolicyStateValues>))]
public enum SettablePolicyStateValues
{
    /// <summary>The policy runs its schedules.</summary>
    [JsonStringEnumMemberName("ENABLED")]
    Enabled,

    /// <summary>The policy neither creates nor deletes anything.</summary>
    [JsonStringEnumMemberName("DISABLED")]
    Disabled,
}
