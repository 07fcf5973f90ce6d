using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ListRules.</summary>
public sealed record ListRulesRequest
{
    /// <summary>Gets the type of resource whose rules to list.</summary>
    public required RecycleBinResourceType ResourceType { get; init; }

    /// <summary>Gets the most rules to return in one page, 1 to 1,000; <see langword="null"/> returns every rule at once.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }

    /// <summary>Gets resource tags every listed rule must have (AWS does not document the matching; the library lists rules that have all of them).</summary>
    public IReadOnlyList<ResourceTag> ResourceTags { get; init; } = [];

    /// <summary>Gets the lock state listed rules must be in, or <see langword="null"/> for any.</summary>
    public LockState? LockState { get; init; }

    /// <summary>Gets exclusion tags every listed rule must have.</summary>
    public IReadOnlyList<ResourceTag> ExcludeResourceTags { get; init; } = [];
}
