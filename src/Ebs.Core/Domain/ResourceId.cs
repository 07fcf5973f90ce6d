using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The id of any taggable resource, as CreateTags and DeleteTags take it: a volume
/// (<c>vol-</c>), snapshot (<c>snap-</c>) or image (<c>ami-</c>) or instance (<c>i-</c>) id. Each typed id converts
/// to it implicitly. In JSON, its text.
/// </summary>
/// <remarks>The <c>default</c> value has no text and is refused as <c>InvalidID</c>.</remarks>
[JsonConverter(typeof(ResourceIdJsonConverter<ResourceId>))]
public readonly record struct ResourceId : IResourceId<ResourceId>
{
    private ResourceId(string value) => Value = value;

    /// <summary>Gets the empty prefix: a resource id is known by the prefix of one of the typed ids.</summary>
    public static string Prefix => string.Empty;

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Wraps a volume id.</summary>
    /// <param name="id">The id.</param>
    public static implicit operator ResourceId(VolumeId id) => new(id.Value);

    /// <summary>Wraps a snapshot id.</summary>
    /// <param name="id">The id.</param>
    public static implicit operator ResourceId(SnapshotId id) => new(id.Value);

    /// <summary>Wraps an image id.</summary>
    /// <param name="id">The id.</param>
    public static implicit operator ResourceId(ImageId id) => new(id.Value);

    /// <summary>Wraps an instance id.</summary>
    /// <param name="id">The id.</param>
    public static implicit operator ResourceId(InstanceId id) => new(id.Value);

    /// <summary>Parses a volume, snapshot, image or instance id.</summary>
    /// <param name="s">The text, such as <c>snap-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidID</c> when the text is none of them.</exception>
    public static ResourceId Parse(string s) => Parse(s.AsSpan());

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    public static ResourceId Parse(ReadOnlySpan<char> s)
        => TryParse(s, out var id) ? id : throw new EbsException(EbsErrorCodes.InvalidId, $"The ID '{s}' is not valid.", s.ToString());

    /// <summary>Tries to parse a volume, snapshot, image or instance id.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was one of them.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ResourceId result) => TryParse(s.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string?, out ResourceId)" />
    public static bool TryParse(ReadOnlySpan<char> s, out ResourceId result)
    {
        var valid = ResourceIdFormat.IsValid(s, VolumeId.Prefix) || ResourceIdFormat.IsValid(s, SnapshotId.Prefix) || ResourceIdFormat.IsValid(s, ImageId.Prefix)
            || ResourceIdFormat.IsValid(s, InstanceId.Prefix);
        result = valid ? new ResourceId(s.ToString()) : default;
        return valid;
    }

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static ResourceId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    public static ResourceId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out ResourceId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ResourceId result) => TryParse(s, out result);

    /// <inheritdoc cref="TryParse(string?, out ResourceId)" />
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: ids do not depend on culture.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ResourceId result) => TryParse(s, out result);

    /// <inheritdoc />
    static ResourceId IResourceId<ResourceId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
