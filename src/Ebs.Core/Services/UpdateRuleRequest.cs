using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of UpdateRule; a parameter left <see langword="null"/> keeps the rule's value.</summary>
public sealed record UpdateRuleRequest
{
    /// <summary>Gets the rule's identifier.</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the new retention period; resources already in the bin keep theirs.</summary>
    public RetentionPeriod? RetentionPeriod { get; init; }

    /// <summary>Gets the new description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the resource type, which cannot change (AWS: "currently not supported"); only the rule's own is accepted.</summary>
    public RecycleBinResourceType? ResourceType { get; init; }

    /// <summary>Gets the new resource tags; empty makes the rule Region-level.</summary>
    public IReadOnlyList<ResourceTag>? ResourceTags { get; init; }

    /// <summary>Gets the new exclusion tags (Region-level rules only).</summary>
    public IReadOnlyList<ResourceTag>? ExcludeResourceTags { get; init; }
}
