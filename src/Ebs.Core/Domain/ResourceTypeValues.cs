using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>What a snapshot policy targets by tag (DLM's <c>ResourceTypeValues</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceTypeValues>))]
public enum ResourceTypeValues
{
    /// <summary>Volumes: one snapshot per volume.</summary>
    [JsonStringEnumMemberName("VOLUME")]
    Volume,

    /// <summary>Instances: one multi-volume snapshot set per instance.</summary>
    [JsonStringEnumMemberName("INSTANCE")]
    Instance,
}
