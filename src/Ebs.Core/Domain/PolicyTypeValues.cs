using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The kind of lifecycle policy (DLM's <c>PolicyTypeValues</c>); this library has snapshot and AMI policies.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyTypeValues>))]
public enum PolicyTypeValues
{
    /// <summary>A policy that snapshots volumes, or the volumes of instances.</summary>
    [JsonStringEnumMemberName("EBS_SNAPSHOT_MANAGEMENT")]
    EbsSnapshotManagement,

    /// <summary>A policy that creates EBS-backed images of instances.</summary>
    [JsonStringEnumMemberName("IMAGE_MANAGEMENT")]
    ImageManagement,
}
