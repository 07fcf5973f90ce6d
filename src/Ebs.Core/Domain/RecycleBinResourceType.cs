using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The resource types a Recycle Bin retention rule retains (rbin's <c>ResourceType</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecycleBinResourceType>))]
public enum RecycleBinResourceType
{
    /// <summary>EBS snapshots.</summary>
    [JsonStringEnumMemberName("EBS_SNAPSHOT")]
    EbsSnapshot,

    /// <summary>EBS-backed machine images.</summary>
    [JsonStringEnumMemberName("EC2_IMAGE")]
    Ec2Image,

    /// <summary>EBS volumes; AWS's value, which this library refuses (volumes are deleted at once).</summary>
    [JsonStringEnumMemberName("EBS_VOLUME")]
    EbsVolume,
}
