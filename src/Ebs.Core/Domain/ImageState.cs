using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of a machine image (AWS's <c>ImageState</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageState>))]
public enum ImageState
{
    /// <summary>The image is not yet usable: a snapshot it uses is still pending.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The image can be used.</summary>
    [JsonStringEnumMemberName("available")]
    Available,

    /// <summary>The image was deregistered.</summary>
    [JsonStringEnumMemberName("deregistered")]
    Deregistered,

    /// <summary>The image is disabled.</summary>
    [JsonStringEnumMemberName("disabled")]
    Disabled,

    /// <summary>The image failed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
