using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListGrants.</summary>
public sealed record ListGrantsResponse
{
    internal ListGrantsResponse()
    {
    }

    /// <summary>Gets the grants of this page, by creation.</summary>
    public required IReadOnlyList<GrantListEntry> Grants { get; init; }

    /// <summary>Gets where the next page starts, or <see langword="null"/> for the last page.</summary>
    public string? NextMarker { get; init; }

    /// <summary>Gets whether more pages follow.</summary>
    public bool Truncated { get; init; }
}
