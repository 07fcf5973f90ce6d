using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The group a snapshot or image can be shared with (AWS's <c>PermissionGroup</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermissionGroup>))]
public enum PermissionGroup
{
    /// <summary>Every account: the resource is public.</summary>
    [JsonStringEnumMemberName("all")]
    All,
}
