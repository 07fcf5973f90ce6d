using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of GetLifecyclePolicies: filters, all of which a listed policy matches; none lists every policy.</summary>
public sealed record GetLifecyclePoliciesRequest
{
    /// <summary>Gets the ids of the policies to list, at most 10.</summary>
    public IReadOnlyList<string> PolicyIds { get; init; } = [];

    /// <summary>Gets the state to list.</summary>
    public GettablePolicyStateValues? State { get; init; }

    /// <summary>Gets resource types, any of which a policy targets.</summary>
    public IReadOnlyList<ResourceTypeValues> ResourceTypes { get; init; } = [];

    /// <summary>Gets target tags as <c>key=value</c>, at most 50, any of which a policy targets.</summary>
    public IReadOnlyList<string> TargetTags { get; init; } = [];

    /// <summary>Gets tags as <c>key=value</c>, at most 50, any of which one of a policy's schedules adds.</summary>
    public IReadOnlyList<string> TagsToAdd { get; init; } = [];
}
