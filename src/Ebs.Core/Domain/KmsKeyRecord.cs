using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a KMS key of one account in one Region: its metadata, its grants, and its
/// data key, wrapped by the cloud's master secret (<see cref="KmsMasterSecret"/>), which seals the
/// chunks of the volumes and snapshots it protects. Removed when its deletion falls due.
/// </summary>
internal sealed record KmsKeyRecord
{
    /// <summary>The AWS managed key's alias for EBS.</summary>
    public const string EbsAlias = "alias/aws/ebs";

    public required string KeyId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string Description { get; init; }

    public required KeyManagerType KeyManager { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets whether the key is enabled when it is not pending deletion.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Gets when the key is deleted, while it is pending deletion.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    public int? PendingWindowInDays { get; init; }

    /// <summary>Gets the alias naming the key (<see cref="EbsAlias"/> for the AWS managed EBS key), or <see langword="null"/>.</summary>
    public string? Alias { get; init; }

    /// <summary>Gets the data key: base64 of nonce, ciphertext and tag, wrapped by the master secret with the key ARN as associated data.</summary>
    public required string WrappedDataKey { get; init; }

    public ValueList<GrantListEntry> Grants { get; init; } = ValueList<GrantListEntry>.Empty;

    [JsonIgnore]
    public string Arn => ArnOf(Region, AccountId, KeyId);

    [JsonIgnore]
    public string? AliasArn => Alias is null ? null : string.Create(CultureInfo.InvariantCulture, $"arn:aws:kms:{Region}:{AccountId}:{Alias}");

    [JsonIgnore]
    public KeyState State => DeletionDate is not null ? KeyState.PendingDeletion : Enabled ? KeyState.Enabled : KeyState.Disabled;

    public static string ArnOf(string region, string accountId, string keyId) => string.Create(CultureInfo.InvariantCulture, $"arn:aws:kms:{region}:{accountId}:key/{keyId}");

    /// <summary>Whether <paramref name="accountId"/> may use the key to protect or read data: its owner, or an account a grant names.</summary>
    public bool IsUsableBy(string accountId) => accountId == AccountId || Grants.Any(g => GranteeAccount(g.GranteePrincipal) == accountId);

    /// <summary>The account a grantee principal names: an account id, or any ARN of the account (<c>arn:aws:iam::{account}:root</c>).</summary>
    public static string? GranteeAccount(string principal)
        => AccountIdFormat.IsValid(principal) ? principal
            : principal.Split(':') is [_, _, _, _, var account, ..] && AccountIdFormat.IsValid(account) ? account
            : null;

    [JsonIgnore]
    public KeyMetadata View => new()
    {
        AWSAccountId = AccountId,
        KeyId = KeyId,
        Arn = Arn,
        CreationDate = CreationDate,
        Enabled = State == KeyState.Enabled,
        Description = Description,
        KeyState = State,
        DeletionDate = DeletionDate,
        PendingDeletionWindowInDays = PendingWindowInDays,
        KeyManager = KeyManager,
    };
}
