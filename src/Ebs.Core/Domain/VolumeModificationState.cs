using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The states of a volume modification (AWS's <c>VolumeModificationState</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VolumeModificationState>))]
public enum VolumeModificationState
{
    /// <summary>The modification is being applied; the volume keeps its original configuration.</summary>
    [JsonStringEnumMemberName("modifying")]
    Modifying,

    /// <summary>The new configuration is in use while the volume is optimized for it.</summary>
    [JsonStringEnumMemberName("optimizing")]
    Optimizing,

    /// <summary>The modification is complete.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The modification failed (the library never fails one).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
