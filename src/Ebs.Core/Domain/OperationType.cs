using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Whether a Modify…Attribute call adds or removes permissions (AWS's <c>OperationType</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperationType>))]
public enum OperationType
{
    /// <summary>Add the permissions.</summary>
    [JsonStringEnumMemberName("add")]
    Add,

    /// <summary>Remove the permissions.</summary>
    [JsonStringEnumMemberName("remove")]
    Remove,
}
