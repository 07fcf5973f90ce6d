using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>An alias as ListAliases lists it (KMS's <c>AliasListEntry</c>).</summary>
public sealed record AliasListEntry
{
    [JsonConstructor]
    internal AliasListEntry()
    {
    }

    /// <summary>Gets the alias name, such as <c>alias/aws/ebs</c>.</summary>
    public required string AliasName { get; init; }

    /// <summary>Gets the alias ARN, <c>arn:aws:kms:{region}:{account}:{alias-name}</c>.</summary>
    public required string AliasArn { get; init; }

    /// <summary>Gets the id of the key the alias names.</summary>
    public required string TargetKeyId { get; init; }

    /// <summary>Gets when the alias was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when the alias last changed.</summary>
    public required DateTimeOffset LastUpdatedDate { get; init; }
}
