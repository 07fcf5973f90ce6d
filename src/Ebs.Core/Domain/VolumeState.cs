using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of an EBS volume (AWS's <c>VolumeState</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VolumeState>))]
public enum VolumeState
{
    /// <summary>The volume is being created.</summary>
    [JsonStringEnumMemberName("creating")]
    Creating,

    /// <summary>The volume is ready and not attached.</summary>
    [JsonStringEnumMemberName("available")]
    Available,

    /// <summary>The volume is attached to an instance.</summary>
    [JsonStringEnumMemberName("in-use")]
    InUse,

    /// <summary>The volume is being deleted.</summary>
    [JsonStringEnumMemberName("deleting")]
    Deleting,

    /// <summary>The volume has been deleted.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,

    /// <summary>The volume failed.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
