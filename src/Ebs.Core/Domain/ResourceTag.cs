namespace Ebs.Core.Domain;

/// <summary>A tag a retention rule matches resources by (or excludes them by).</summary>
public sealed record ResourceTag
{
    /// <summary>Gets the tag key, 1 to 128 characters.</summary>
    public required string ResourceTagKey { get; init; }

    /// <summary>
    /// Gets the tag value, up to 256 characters; <see langword="null"/> matches a tag with the key and an
    /// empty value (AWS does not document whether it matches any value; this library matches the exact pair).
    /// </summary>
    public string? ResourceTagValue { get; init; }

    /// <summary>Whether <paramref name="tags"/> hold this key with this value.</summary>
    internal bool IsOn(IReadOnlyDictionary<string, string> tags)
        => tags.TryGetValue(ResourceTagKey, out var value) && value == (ResourceTagValue ?? string.Empty);
}
