using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of UnlockRule: the rule, within its unlock delay.</summary>
public sealed record UnlockRuleResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal UnlockRuleResponse()
    {
    }

    /// <summary>Gets the rule's identifier, 11 letters and digits.</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the type of resource the rule retains.</summary>
    public required RecycleBinResourceType ResourceType { get; init; }

    /// <summary>Gets how long the rule retains resources.</summary>
    public required RetentionPeriod RetentionPeriod { get; init; }

    /// <summary>Gets the tags of a tag-level rule, any one of which retains a resource; empty for a Region-level rule.</summary>
    public required ValueList<ResourceTag> ResourceTags { get; init; }

    /// <summary>Gets the rule's state; always <see cref="RuleStatus.Available"/> in this library, where a rule takes effect at once.</summary>
    public required RuleStatus Status { get; init; }

    /// <summary>Gets the lock configuration, or <see langword="null"/> for a rule never locked.</summary>
    public LockConfiguration? LockConfiguration { get; init; }

    /// <summary>Gets the lock state, or <see langword="null"/> for a rule never locked.</summary>
    public LockState? LockState { get; init; }

    /// <summary>Gets when the unlock delay ends; only while the rule is <see cref="LockState.PendingUnlock"/>.</summary>
    public DateTimeOffset? LockEndTime { get; init; }

    /// <summary>Gets the rule's ARN, <c>arn:aws:rbin:{region}:{account}:rule/{identifier}</c>.</summary>
    public required string RuleArn { get; init; }

    /// <summary>Gets the tags that keep a resource out of a Region-level rule.</summary>
    public required ValueList<ResourceTag> ExcludeResourceTags { get; init; }
}
