using System.Diagnostics.CodeAnalysis;

namespace Ebs.Core.Domain;

/// <summary>The id of an EBS volume: <c>vol-</c> followed by 17 lowercase hexadecimal digits.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
public readonly record struct VolumeId : IResourceId<VolumeId>
{
    private VolumeId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "vol-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses a volume id.</summary>
    /// <param name="text">The text, such as <c>vol-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidVolumeID.Malformed</c> when the text is not a volume id.</exception>
    public static VolumeId Parse(string text)
        => TryParse(text, out var id) ? id : throw new EbsException(EbsErrorCodes.InvalidVolumeIdMalformed, $"Invalid id: \"{text}\" (expecting \"vol-...\")", text);

    /// <summary>Tries to parse a volume id.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was a volume id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out VolumeId id)
    {
        id = ResourceIdFormat.IsValid(text, Prefix) ? new VolumeId(text!) : default;
        return id.Value is not null;
    }

    /// <inheritdoc />
    static VolumeId IResourceId<VolumeId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
