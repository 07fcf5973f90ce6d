using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The image attributes the library supports (of AWS's <c>ImageAttributeName</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageAttributeName>))]
public enum ImageAttributeName
{
    /// <summary>The description.</summary>
    [JsonStringEnumMemberName("description")]
    Description,

    /// <summary>Who may launch the image besides its owner: accounts, and the group <c>all</c>.</summary>
    [JsonStringEnumMemberName("launchPermission")]
    LaunchPermission,

    /// <summary>The product codes: none in the library (no Marketplace), so always empty.</summary>
    [JsonStringEnumMemberName("productCodes")]
    ProductCodes,

    /// <summary>The block device mappings.</summary>
    [JsonStringEnumMemberName("blockDeviceMapping")]
    BlockDeviceMapping,
}
