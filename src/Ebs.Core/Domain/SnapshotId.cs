using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The id of an EBS snapshot: <c>snap-</c> followed by 17 lowercase hexadecimal digits. In JSON, its text.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
[JsonConverter(typeof(ResourceIdJsonConverter<SnapshotId>))]
public readonly record struct SnapshotId : IResourceId<SnapshotId>
{
    private SnapshotId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "snap-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses a snapshot id.</summary>
    /// <param name="s">The text, such as <c>snap-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidSnapshotID.Malformed</c> when the text is not a snapshot id.</exception>
    public static SnapshotId Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text, such as <c>snap-0123456789abcdef0</c>.</param>
    public static SnapshotId Parse(ReadOnlySpan<char> s) => ResourceIdFormat.Parse<SnapshotId>(s, EbsErrorCodes.InvalidSnapshotIdMalformed);

    /// <summary>Tries to parse a snapshot id.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was a snapshot id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out SnapshotId result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string?, out SnapshotId)" />
    public static bool TryParse(ReadOnlySpan<char> s, out SnapshotId result) => ResourceIdFormat.TryParse(s, out result);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static SnapshotId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static SnapshotId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out SnapshotId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SnapshotId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(string?, out SnapshotId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SnapshotId result) => TryParse(s, out result);

    /// <inheritdoc />
    static SnapshotId IResourceId<SnapshotId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
