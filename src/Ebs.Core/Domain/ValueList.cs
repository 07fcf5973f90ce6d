using System.Collections;
using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// An immutable list that compares and prints by its items, so records that carry one (a
/// describe's volumes, an image's block device mappings) compare by value. In JSON, an array.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[JsonConverter(typeof(ValueListJsonConverterFactory))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    private ValueList(ImmutableArray<T> items) => _items = items;

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>Makes a list of <paramref name="items"/>.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> From(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToImmutableArray();
        return array.IsEmpty ? Empty : new ValueList<T>(array);
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}
