using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>An account's EBS encryption settings in one Region: encryption by default, and the default KMS key.</summary>
internal sealed record EbsEncryptionDefaults
{
    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public bool EncryptionByDefault { get; init; }

    /// <summary>Gets the default key's ARN, or <see langword="null"/> for the AWS managed key (<c>alias/aws/ebs</c>).</summary>
    public string? KmsKeyArn { get; init; }

    [JsonIgnore]
    public string Key => KeyOf(AccountId, Region);

    public static string KeyOf(string accountId, string region) => string.Create(CultureInfo.InvariantCulture, $"{accountId}/{region}");
}
