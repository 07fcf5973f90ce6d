using System.Collections.Immutable;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>AWS's tag rules: keys of 1–128 characters not starting with <c>aws:</c>, values up to 256, at most 50 per resource.</summary>
internal static class TagRules
{
    public const int MaxTagsPerResource = 50;

    /// <summary>The tags a create call puts on its new resource of type <paramref name="created"/>.</summary>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> for a specification of another resource type, or a bad tag.</exception>
    public static ImmutableSortedDictionary<string, string> FromSpecifications(IReadOnlyList<TagSpecification>? specifications, ResourceType created)
        => FromSpecifications(specifications, created, [created]);

    /// <summary>The tags a create call that makes resources of each of the <paramref name="accepted"/> types puts on those of type <paramref name="created"/>.</summary>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> for a specification of a type not accepted, or a bad tag.</exception>
    public static ImmutableSortedDictionary<string, string> FromSpecifications(IReadOnlyList<TagSpecification>? specifications, ResourceType created, ResourceType[] accepted)
    {
        var tags = new List<Tag>();
        foreach (var specification in specifications ?? [])
        {
            ArgumentNullException.ThrowIfNull(specification);
            if (!accepted.Contains(specification.ResourceType))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"'{specification.ResourceType.ToAwsString()}' is not a valid taggable resource type for this operation; expected {string.Join(" or ", accepted.Select(t => $"'{t.ToAwsString()}'"))}.");
            }

            if (specification.ResourceType == created)
            {
                tags.AddRange(specification.Tags ?? []);
            }
        }

        return Merge(TagList.Empty.Items, tags);
    }

    public static ImmutableSortedDictionary<string, string> Merge(ImmutableSortedDictionary<string, string> existing, IReadOnlyList<Tag>? added)
    {
        if (added is null || added.Count == 0)
        {
            return existing;
        }

        foreach (var tag in added)
        {
            ArgumentNullException.ThrowIfNull(tag);
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128 || tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Tag key '{tag.Key}' must be 1 to 128 characters and not start with 'aws:'.");
            }

            if (tag.Value is null || tag.Value.Length > 256)
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The value of tag '{tag.Key}' must be given and at most 256 characters.");
            }
        }

        var merged = existing.SetItems(added.Select(t => KeyValuePair.Create(t.Key, t.Value!)));
        return merged.Count > MaxTagsPerResource
            ? throw new EbsException(EbsErrorCodes.TagLimitExceeded, $"A resource can have at most {MaxTagsPerResource} tags.")
            : merged;
    }

    /// <summary>Removes AWS's way: a tag without a value removes its key; with one, only a matching value; none removes all.</summary>
    public static ImmutableSortedDictionary<string, string> Remove(ImmutableSortedDictionary<string, string> existing, IReadOnlyList<Tag> removed)
        => removed.Count == 0
            ? existing.Clear()
            : existing.RemoveRange(removed.Where(t => t.Value is null || (existing.TryGetValue(t.Key, out var v) && v == t.Value)).Select(t => t.Key));
}
