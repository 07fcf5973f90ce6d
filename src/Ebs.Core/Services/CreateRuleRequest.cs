using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateRule. Without <see cref="ResourceTags"/> the rule is Region-level: it retains every resource of its type in the Region but those with an exclusion tag.</summary>
public sealed record CreateRuleRequest
{
    /// <summary>Gets how long deleted resources are retained: 1 to 365 days.</summary>
    public required RetentionPeriod RetentionPeriod { get; init; }

    /// <summary>Gets the type of resource to retain: snapshots or images.</summary>
    public required RecycleBinResourceType ResourceType { get; init; }

    /// <summary>Gets the description, up to 255 characters without tabs or line breaks.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the rule's own tags, at most 50.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>Gets the tags of a tag-level rule (at most 50), any one of which retains a resource; empty for a Region-level rule.</summary>
    public IReadOnlyList<ResourceTag> ResourceTags { get; init; } = [];

    /// <summary>Gets the lock to create the rule locked with; only for a Region-level rule without exclusion tags.</summary>
    public LockConfiguration? LockConfiguration { get; init; }

    /// <summary>Gets the exclusion tags of a Region-level rule, at most 5.</summary>
    public IReadOnlyList<ResourceTag> ExcludeResourceTags { get; init; } = [];
}
