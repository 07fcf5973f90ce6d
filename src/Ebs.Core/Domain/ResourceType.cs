using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The resource types a tag specification names (AWS's <c>ResourceType</c>, the values the library has).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceType>))]
public enum ResourceType
{
    /// <summary>An EBS volume.</summary>
    [JsonStringEnumMemberName("volume")]
    Volume,

    /// <summary>An EBS snapshot.</summary>
    [JsonStringEnumMemberName("snapshot")]
    Snapshot,

    /// <summary>A machine image.</summary>
    [JsonStringEnumMemberName("image")]
    Image,

    /// <summary>An EC2 instance.</summary>
    [JsonStringEnumMemberName("instance")]
    Instance,
}
