using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// Block public access for images in an account and Region (AWS's <c>ImageBlockPublicAccessEnabledState</c>
/// and <c>ImageBlockPublicAccessDisabledState</c> in one). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageBlockPublicAccessState>))]
public enum ImageBlockPublicAccessState
{
    /// <summary>No image can be made public; those already public stay public.</summary>
    [JsonStringEnumMemberName("block-new-sharing")]
    BlockNewSharing,

    /// <summary>Images can be made public (the library's default).</summary>
    [JsonStringEnumMemberName("unblocked")]
    Unblocked,
}
