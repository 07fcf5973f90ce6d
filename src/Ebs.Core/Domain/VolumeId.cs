using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The id of an EBS volume: <c>vol-</c> followed by 17 lowercase hexadecimal digits. In JSON, its text.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
[JsonConverter(typeof(ResourceIdJsonConverter<VolumeId>))]
public readonly record struct VolumeId : IResourceId<VolumeId>
{
    private VolumeId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "vol-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses a volume id.</summary>
    /// <param name="s">The text, such as <c>vol-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidVolumeID.Malformed</c> when the text is not a volume id.</exception>
    public static VolumeId Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text, such as <c>vol-0123456789abcdef0</c>.</param>
    public static VolumeId Parse(ReadOnlySpan<char> s) => ResourceIdFormat.Parse<VolumeId>(s, EbsErrorCodes.InvalidVolumeIdMalformed);

    /// <summary>Tries to parse a volume id.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was a volume id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out VolumeId result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string?, out VolumeId)" />
    public static bool TryParse(ReadOnlySpan<char> s, out VolumeId result) => ResourceIdFormat.TryParse(s, out result);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static VolumeId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static VolumeId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out VolumeId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out VolumeId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(string?, out VolumeId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out VolumeId result) => TryParse(s, out result);

    /// <inheritdoc />
    static VolumeId IResourceId<VolumeId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
