using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The stored form of a backup vault of one account in one Region; its recovery points are <see cref="RecoveryPointRecord"/>s naming it.</summary>
internal sealed record BackupVaultRecord
{
    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public string? CreatorRequestId { get; init; }

    public required string EncryptionKeyArn { get; init; }

    public required TagList Tags { get; init; }

    /// <summary>Gets the access policy, an IAM JSON document, or <see langword="null"/>.</summary>
    public string? Policy { get; init; }

    public BackupVaultLock? Lock { get; init; }

    [JsonIgnore]
    public string Key => KeyOf(AccountId, Region, Name);

    [JsonIgnore]
    public string Arn => ArnOf(AccountId, Region, Name);

    public static string KeyOf(string accountId, string region, string name) => $"{accountId}|{region}|{name}";

    /// <summary>Reads the account, Region and name of a vault ARN; <see langword="null"/> when it is not one.</summary>
    public static (string AccountId, string Region, string Name)? ParseArn(string? arn)
        => arn?.Split(':') is ["arn", "aws", "backup", { Length: > 0 } region, { Length: > 0 } account, "backup-vault", { Length: > 0 } name] ? (account, region, name) : null;

    public static string ArnOf(string accountId, string region, string name)
        => string.Create(CultureInfo.InvariantCulture, $"arn:aws:backup:{region}:{accountId}:backup-vault:{name}");
}
