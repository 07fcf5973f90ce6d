using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The virtualization types of a machine image (AWS's <c>VirtualizationType</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VirtualizationType>))]
public enum VirtualizationType
{
    /// <summary>Hardware virtual machine.</summary>
    [JsonStringEnumMemberName("hvm")]
    Hvm,

    /// <summary>Paravirtual.</summary>
    [JsonStringEnumMemberName("paravirtual")]
    Paravirtual,
}
