using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// AWS's wire strings of the library's enums (<c>in-use</c>, <c>x86_64</c>, <c>legacy-bios</c>...),
/// read from each member's <see cref="JsonStringEnumMemberNameAttribute"/>, so JSON and text agree.
/// </summary>
public static class AwsEnum
{
    /// <summary>Gets AWS's string for an enum value, such as <c>in-use</c> for <see cref="VolumeState.InUse"/>.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The string.</returns>
    public static string ToAwsString<TEnum>(this TEnum value)
        where TEnum : struct, Enum
        => Names<TEnum>.ToText.TryGetValue(value, out var text) ? text : value.ToString();

    /// <summary>Parses AWS's string for an enum value, exactly as AWS spells it.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The string, such as <c>in-use</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> when the text is not one of AWS's strings for <typeparamref name="TEnum"/>.</exception>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum
        => TryParse<TEnum>(text, out var value)
            ? value
            : throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Invalid value '{text}'; expected one of {string.Join(", ", Names<TEnum>.ToText.Values)}.", text);

    /// <summary>Tries to parse AWS's string for an enum value.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The string.</param>
    /// <param name="value">The value, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text was one of AWS's strings for <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
        => Names<TEnum>.FromText.TryGetValue(text ?? string.Empty, out value);

    /// <summary>Whether <paramref name="value"/> is a named member: an undefined number cast to the enum is not.</summary>
    internal static bool IsDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Names<TEnum>.ToText.ContainsKey(value);

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToText = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

        public static readonly FrozenDictionary<string, TEnum> FromText = ToText.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
