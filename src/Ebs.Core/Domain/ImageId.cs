using System.Diagnostics.CodeAnalysis;

namespace Ebs.Core.Domain;

/// <summary>The id of a machine image (AMI): <c>ami-</c> followed by 17 lowercase hexadecimal digits.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
public readonly record struct ImageId : IResourceId<ImageId>
{
    private ImageId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "ami-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses an image id.</summary>
    /// <param name="text">The text, such as <c>ami-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidAMIID.Malformed</c> when the text is not an image id.</exception>
    public static ImageId Parse(string text)
        => TryParse(text, out var id) ? id : throw new EbsException(EbsErrorCodes.InvalidAmiIdMalformed, $"Invalid id: \"{text}\" (expecting \"ami-...\")", text);

    /// <summary>Tries to parse an image id.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was an image id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ImageId id)
    {
        id = ResourceIdFormat.IsValid(text, Prefix) ? new ImageId(text!) : default;
        return id.Value is not null;
    }

    /// <inheritdoc />
    static ImageId IResourceId<ImageId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
