using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of LockRule.</summary>
public sealed record LockRuleRequest
{
    /// <summary>Gets the rule's identifier.</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the lock: its unlock delay, 7 to 30 days.</summary>
    public required LockConfiguration LockConfiguration { get; init; }
}
