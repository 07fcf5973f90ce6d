using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A KMS key as CreateKey and DescribeKey describe it (KMS's <c>KeyMetadata</c>, symmetric encryption keys only).</summary>
public sealed record KeyMetadata
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal KeyMetadata()
    {
    }

    /// <summary>Gets the account that owns the key (KMS's <c>AWSAccountId</c>).</summary>
    public required string AWSAccountId { get; init; }

    /// <summary>Gets the key id, a UUID such as <c>1234abcd-12ab-34cd-56ef-1234567890ab</c>.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the key ARN, <c>arn:aws:kms:{region}:{account}:key/{key-id}</c>.</summary>
    public required string Arn { get; init; }

    /// <summary>Gets when the key was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets whether the key is <see cref="KeyState.Enabled"/>.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the key usage, always <c>ENCRYPT_DECRYPT</c>.</summary>
    public string KeyUsage { get; init; } = "ENCRYPT_DECRYPT";

    /// <summary>Gets the key state.</summary>
    public required KeyState KeyState { get; init; }

    /// <summary>Gets when a key pending deletion is deleted, or <see langword="null"/>.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    /// <summary>Gets the waiting period of a key pending deletion, in days, or <see langword="null"/>.</summary>
    public int? PendingDeletionWindowInDays { get; init; }

    /// <summary>Gets the origin of the key material, always <c>AWS_KMS</c>.</summary>
    public string Origin { get; init; } = "AWS_KMS";

    /// <summary>Gets who manages the key.</summary>
    public required KeyManagerType KeyManager { get; init; }

    /// <summary>Gets the key spec, always <c>SYMMETRIC_DEFAULT</c> (EBS supports no other).</summary>
    public string KeySpec { get; init; } = "SYMMETRIC_DEFAULT";

    /// <summary>Gets whether the key is multi-Region; always <see langword="false"/>.</summary>
    public bool MultiRegion { get; init; }
}
