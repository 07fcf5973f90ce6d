namespace Ebs.Core.Services;

/// <summary>The parameters of UnlockRule.</summary>
public sealed record UnlockRuleRequest
{
    /// <summary>Gets the rule's identifier.</summary>
    public required string Identifier { get; init; }
}
