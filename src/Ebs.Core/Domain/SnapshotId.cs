using System.Diagnostics.CodeAnalysis;

namespace Ebs.Core.Domain;

/// <summary>The id of an EBS snapshot: <c>snap-</c> followed by 17 lowercase hexadecimal digits.</summary>
/// <remarks>The <c>default</c> value has no text and is refused by every operation as malformed.</remarks>
public readonly record struct SnapshotId : IResourceId<SnapshotId>
{
    private SnapshotId(string value) => Value = value;

    /// <inheritdoc />
    public static string Prefix => "snap-";

    /// <summary>Gets the id text.</summary>
    public string Value { get; }

    /// <summary>Parses a snapshot id.</summary>
    /// <param name="text">The text, such as <c>snap-0123456789abcdef0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="EbsException"><c>InvalidSnapshotID.Malformed</c> when the text is not a snapshot id.</exception>
    public static SnapshotId Parse(string text)
        => TryParse(text, out var id) ? id : throw new EbsException(EbsErrorCodes.InvalidSnapshotIdMalformed, $"Invalid id: \"{text}\" (expecting \"snap-...\")", text);

    /// <summary>Tries to parse a snapshot id.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was a snapshot id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out SnapshotId id)
    {
        id = ResourceIdFormat.IsValid(text, Prefix) ? new SnapshotId(text!) : default;
        return id.Value is not null;
    }

    /// <inheritdoc />
    static SnapshotId IResourceId<SnapshotId>.FromValidText(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
