using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The boot modes of a machine image (AWS's <c>BootModeValues</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BootModeValues>))]
public enum BootModeValues
{
    /// <summary>Legacy BIOS.</summary>
    [JsonStringEnumMemberName("legacy-bios")]
    LegacyBios,

    /// <summary>UEFI.</summary>
    [JsonStringEnumMemberName("uefi")]
    Uefi,

    /// <summary>UEFI when the instance type supports it, else legacy BIOS.</summary>
    [JsonStringEnumMemberName("uefi-preferred")]
    UefiPreferred,
}
