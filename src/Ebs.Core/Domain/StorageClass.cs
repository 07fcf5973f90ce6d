using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Where a recovery point is stored (AWS Backup's <c>StorageClass</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageClass>))]
public enum StorageClass
{
    /// <summary>The standard tier.</summary>
    [JsonStringEnumMemberName("WARM")]
    Warm,

    /// <summary>Cold storage: for EBS, the snapshot archive tier.</summary>
    [JsonStringEnumMemberName("COLD")]
    Cold,

    /// <summary>Deleted.</summary>
    [JsonStringEnumMemberName("DELETED")]
    Deleted,
}
