namespace Ebs.Core.Services;

/// <summary>The parameters of RevokeGrant: revokes a grant.</summary>
public sealed record RevokeGrantRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the grant id.</summary>
    public required string GrantId { get; init; }
}
