namespace Ebs.Core.Domain;

/// <summary>The shape of AWS resource ids: a prefix then 8 (legacy) or 17 lowercase hex digits.</summary>
internal static class ResourceIdFormat
{
    public const int HexDigits = 17;

    public static bool IsValid(string? text, string prefix)
    {
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = text.AsSpan(prefix.Length);
        return (digits.Length == HexDigits || digits.Length == 8) && !digits.ContainsAnyExcept("0123456789abcdef");
    }
}
