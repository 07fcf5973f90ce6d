using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The root device types of a machine image (AWS's <c>DeviceType</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceType>))]
public enum DeviceType
{
    /// <summary>An EBS volume.</summary>
    [JsonStringEnumMemberName("ebs")]
    Ebs,

    /// <summary>An instance store volume.</summary>
    [JsonStringEnumMemberName("instance-store")]
    InstanceStore,
}
