using System.Collections.Immutable;

namespace Ebs.Core.Services;

/// <summary>AWS's tag rules: keys of 1–128 characters not starting with <c>aws:</c>, values up to 256, at most 50 per resource.</summary>
internal static class TagRules
{
    public const int MaxTagsPerResource = 50;

    public static ImmutableSortedDictionary<string, string> Merge(ImmutableSortedDictionary<string, string> existing, IReadOnlyDictionary<string, string>? added)
    {
        if (added is null || added.Count == 0)
        {
            return existing;
        }

        foreach (var (key, value) in added)
        {
            if (string.IsNullOrEmpty(key) || key.Length > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Tag key '{key}' must be 1 to 128 characters and not start with 'aws:'.");
            }

            if (value is null || value.Length > 256)
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The value of tag '{key}' must be at most 256 characters.");
            }
        }

        var merged = existing.SetItems(added);
        return merged.Count > MaxTagsPerResource
            ? throw new EbsException(EbsErrorCodes.TagLimitExceeded, $"A resource can have at most {MaxTagsPerResource} tags.")
            : merged;
    }
}
