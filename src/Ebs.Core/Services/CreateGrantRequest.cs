using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateGrant: creates a grant that lets a principal use a key.</summary>
public sealed record CreateGrantRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the principal allowed: an account id or an ARN of the account such as <c>arn:aws:iam::111122223333:root</c>.</summary>
    public required string GranteePrincipal { get; init; }

    /// <summary>Gets the operations allowed; at least one.</summary>
    public required IReadOnlyList<GrantOperation> Operations { get; init; }

    /// <summary>Gets the principal that may retire the grant.</summary>
    public string? RetiringPrincipal { get; init; }

    /// <summary>Gets a name for the grant.</summary>
    public string? Name { get; init; }
}
