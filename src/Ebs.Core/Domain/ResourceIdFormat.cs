namespace Ebs.Core.Domain;

/// <summary>The shape of AWS resource ids: a prefix then 8 (legacy) or 17 lowercase hex digits.</summary>
internal static class ResourceIdFormat
{
    public const int HexDigits = 17;

    public static bool IsValid(ReadOnlySpan<char> text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = text[prefix.Length..];
        return (digits.Length == HexDigits || digits.Length == 8) && !digits.ContainsAnyExcept("0123456789abcdef");
    }

    /// <summary>Parses an id of type <typeparamref name="TId"/>, or fails with <paramref name="malformedCode"/>.</summary>
    public static TId Parse<TId>(ReadOnlySpan<char> text, string malformedCode)
        where TId : struct, IResourceId<TId>
        => TryParse<TId>(text, out var id)
            ? id
            : throw new EbsException(malformedCode, $"Invalid id: \"{text}\" (expecting \"{TId.Prefix}...\")", text.ToString());

    public static bool TryParse<TId>(ReadOnlySpan<char> text, out TId id)
        where TId : struct, IResourceId<TId>
    {
        var valid = IsValid(text, TId.Prefix);
        id = valid ? TId.FromValidText(text.ToString()) : default;
        return valid;
    }
}
