using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The id of an EC2 instance: <c>i-</c> followed by 17 lowercase hexadecimal digits. In JSON, its text.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
[JsonConverter(typeof(ResourceIdJsonConverter<InstanceId>))]
public readonly record struct InstanceId : IResourceId<InstanceId>
{
    private InstanceId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "i-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses an instance id.</summary>
    /// <param name="s">The text, such as <c>i-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidInstanceID.Malformed</c> when the text is not an instance id.</exception>
    public static InstanceId Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text, such as <c>i-0123456789abcdef0</c>.</param>
    public static InstanceId Parse(ReadOnlySpan<char> s) => ResourceIdFormat.Parse<InstanceId>(s, EbsErrorCodes.InvalidInstanceIdMalformed);

    /// <summary>Tries to parse an instance id.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was an instance id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out InstanceId result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string?, out InstanceId)" />
    public static bool TryParse(ReadOnlySpan<char> s, out InstanceId result) => ResourceIdFormat.TryParse(s, out result);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static InstanceId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static InstanceId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out InstanceId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out InstanceId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(string?, out InstanceId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out InstanceId result) => TryParse(s, out result);

    /// <inheritdoc />
    static InstanceId IResourceId<InstanceId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
