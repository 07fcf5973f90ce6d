namespace Ebs.Core.Services;

/// <summary>The parameters of GetRule.</summary>
public sealed record GetRuleRequest
{
    /// <summary>Gets the rule's identifier.</summary>
    public required string Identifier { get; init; }
}
