using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListAliases.</summary>
public sealed record ListAliasesResponse
{
    internal ListAliasesResponse()
    {
    }

    /// <summary>Gets the aliases of this page, by name.</summary>
    public required IReadOnlyList<AliasListEntry> Aliases { get; init; }

    /// <summary>Gets where the next page starts, or <see langword="null"/> for the last page.</summary>
    public string? NextMarker { get; init; }

    /// <summary>Gets whether more pages follow.</summary>
    public bool Truncated { get; init; }
}
