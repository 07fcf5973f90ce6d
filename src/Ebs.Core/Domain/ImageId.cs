using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The id of a machine image (AMI): <c>ami-</c> followed by 17 lowercase hexadecimal digits. In JSON, its text.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
[JsonConverter(typeof(ResourceIdJsonConverter<ImageId>))]
public readonly record struct ImageId : IResourceId<ImageId>
{
    private ImageId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "ami-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses an image id.</summary>
    /// <param name="s">The text, such as <c>ami-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidAMIID.Malformed</c> when the text is not an image id.</exception>
    public static ImageId Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text, such as <c>ami-0123456789abcdef0</c>.</param>
    public static ImageId Parse(ReadOnlySpan<char> s) => ResourceIdFormat.Parse<ImageId>(s, EbsErrorCodes.InvalidAmiIdMalformed);

    /// <summary>Tries to parse an image id.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was an image id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ImageId result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string?, out ImageId)" />
    public static bool TryParse(ReadOnlySpan<char> s, out ImageId result) => ResourceIdFormat.TryParse(s, out result);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static ImageId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static ImageId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out ImageId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ImageId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(string?, out ImageId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ImageId result) => TryParse(s, out result);

    /// <inheritdoc />
    static ImageId IResourceId<ImageId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
