using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The tags of a resource, in key order: AWS's list of <see cref="Tag"/>s (so JSON is a
/// Key/Value list), looked up by key too. Two lists are equal when they hold the same tags,
/// so records that carry them compare by value.
/// </summary>
[JsonConverter(typeof(TagListJsonConverter))]
public sealed class TagList : IReadOnlyList<Tag>, IEquatable<TagList>
{
    private readonly ImmutableArray<Tag> _tags;

    private TagList(ImmutableSortedDictionary<string, string> items)
    {
        Items = items;
        _tags = [.. items.Select(p => new Tag(p.Key, p.Value))];
    }

    /// <summary>Gets the list without tags.</summary>
    public static TagList Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    /// <inheritdoc />
    public int Count => _tags.Length;

    /// <summary>Gets the tags as a dictionary from key to value.</summary>
    internal ImmutableSortedDictionary<string, string> Items { get; }

    /// <inheritdoc />
    public Tag this[int index] => _tags[index];

    /// <summary>Gets the value of a tag.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">No tag has the key.</exception>
    public string this[string key] => Items[key];

    /// <summary>Makes a list of tags.</summary>
    /// <param name="tags">The tags, keyed by key.</param>
    /// <returns>The list.</returns>
    public static TagList From(IEnumerable<KeyValuePair<string, string>> tags)
    {
        var items = Empty.Items.SetItems(tags);
        return items.Count == 0 ? Empty : new TagList(items);
    }

    /// <summary>Gets whether a tag has the key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when one has.</returns>
    public bool ContainsKey(string key) => Items.ContainsKey(key);

    /// <summary>Gets the value of a tag, if one has the key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when a tag has the key.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Items.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<Tag> GetEnumerator() => ((IEnumerable<Tag>)_tags).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(TagList? other) => other is not null && _tags.SequenceEqual(other._tags);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TagList);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var tag in _tags)
        {
            hash.Add(tag);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("[");
        foreach (var tag in _tags)
        {
            text.Append(text.Length > 1 ? ", " : string.Empty).Append(tag.Key).Append('=').Append(tag.Value);
        }

        return text.Append(']').ToString();
    }

    internal static TagList Of(ImmutableSortedDictionary<string, string> items) => items.Count == 0 ? Empty : new TagList(items);
}
