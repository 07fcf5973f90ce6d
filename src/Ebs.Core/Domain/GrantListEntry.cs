using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A grant as ListGrants lists it (KMS's <c>GrantListEntry</c>): permission for a principal to use a key.</summary>
public sealed record GrantListEntry
{
    [JsonConstructor]
    internal GrantListEntry()
    {
    }

    /// <summary>Gets the id of the key the grant is for.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the grant id, 64 hexadecimal digits.</summary>
    public required string GrantId { get; init; }

    /// <summary>Gets the grant's name, or <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets when the grant was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the principal the grant lets use the key: an account id or <c>arn:aws:iam::{account}:root</c>.</summary>
    public required string GranteePrincipal { get; init; }

    /// <summary>Gets the principal that may retire the grant, or <see langword="null"/>.</summary>
    public string? RetiringPrincipal { get; init; }

    /// <summary>Gets the account that created the grant.</summary>
    public required string IssuingAccount { get; init; }

    /// <summary>Gets the operations the grant allows.</summary>
    public required ValueList<GrantOperation> Operations { get; init; }
}
