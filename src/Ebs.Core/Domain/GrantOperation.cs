using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>An operation a grant allows its grantee (KMS's <c>GrantOperation</c>, the symmetric-key ones).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GrantOperation>))]
public enum GrantOperation
{
    /// <summary>Decrypt: read data the key protects.</summary>
    [JsonStringEnumMemberName("Decrypt")]
    Decrypt,

    /// <summary>Encrypt.</summary>
    [JsonStringEnumMemberName("Encrypt")]
    Encrypt,

    /// <summary>GenerateDataKey: protect new data with the key.</summary>
    [JsonStringEnumMemberName("GenerateDataKey")]
    GenerateDataKey,

    /// <summary>GenerateDataKeyWithoutPlaintext.</summary>
    [JsonStringEnumMemberName("GenerateDataKeyWithoutPlaintext")]
    GenerateDataKeyWithoutPlaintext,

    /// <summary>ReEncryptFrom.</summary>
    [JsonStringEnumMemberName("ReEncryptFrom")]
    ReEncryptFrom,

    /// <summary>ReEncryptTo.</summary>
    [JsonStringEnumMemberName("ReEncryptTo")]
    ReEncryptTo,

    /// <summary>CreateGrant.</summary>
    [JsonStringEnumMemberName("CreateGrant")]
    CreateGrant,

    /// <summary>RetireGrant.</summary>
    [JsonStringEnumMemberName("RetireGrant")]
    RetireGrant,

    /// <summary>DescribeKey.</summary>
    [JsonStringEnumMemberName("DescribeKey")]
    DescribeKey,
}
