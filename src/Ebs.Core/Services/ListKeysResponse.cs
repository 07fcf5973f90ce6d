using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListKeys.</summary>
public sealed record ListKeysResponse
{
    internal ListKeysResponse()
    {
    }

    /// <summary>Gets the keys of this page, by key id.</summary>
    public required IReadOnlyList<KeyListEntry> Keys { get; init; }

    /// <summary>Gets where the next page starts, or <see langword="null"/> for the last page.</summary>
    public string? NextMarker { get; init; }

    /// <summary>Gets whether more pages follow.</summary>
    public bool Truncated { get; init; }
}
