using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The architectures of a machine image (AWS's <c>ArchitectureValues</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArchitectureValues>))]
public enum ArchitectureValues
{
    /// <summary>32-bit x86.</summary>
    [JsonStringEnumMemberName("i386")]
    I386,

    /// <summary>64-bit x86.</summary>
    [JsonStringEnumMemberName("x86_64")]
    X86_64,

    /// <summary>64-bit Arm.</summary>
    [JsonStringEnumMemberName("arm64")]
    Arm64,

    /// <summary>64-bit x86 Mac.</summary>
    [JsonStringEnumMemberName("x86_64_mac")]
    X86_64Mac,

    /// <summary>64-bit Arm Mac.</summary>
    [JsonStringEnumMemberName("arm64_mac")]
    Arm64Mac,
}
