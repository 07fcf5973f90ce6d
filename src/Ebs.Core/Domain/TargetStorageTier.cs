using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The tier ModifySnapshotTier moves a snapshot to (AWS's <c>TargetStorageTier</c>): only the archive tier.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetStorageTier>))]
public enum TargetStorageTier
{
    /// <summary>The archive tier.</summary>
    [JsonStringEnumMemberName("archive")]
    Archive,
}
