using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Who manages a KMS key (KMS's <c>KeyManagerType</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyManagerType>))]
public enum KeyManagerType
{
    /// <summary>An AWS managed key, such as <c>alias/aws/ebs</c>, created on first use; it cannot be disabled, deleted or shared.</summary>
    [JsonStringEnumMemberName("AWS")]
    Aws,

    /// <summary>A customer managed key, made by CreateKey.</summary>
    [JsonStringEnumMemberName("CUSTOMER")]
    Customer,
}
