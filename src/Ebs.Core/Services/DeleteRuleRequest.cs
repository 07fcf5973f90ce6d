namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteRule.</summary>
public sealed record DeleteRuleRequest
{
    /// <summary>Gets the rule's identifier.</summary>
    public required string Identifier { get; init; }
}
