using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// Which volumes a backup selection chooses: by ARN (a trailing <c>*</c> matching any suffix),
/// then by any one of its <c>ListOfTags</c> and all of its <c>Conditions</c>, never those it
/// excludes. How AWS combines <c>ListOfTags</c> with <c>Conditions</c> in one selection is not
/// documented; both must hold here (UNCONFIRMED).
/// </summary>
internal static class BackupSelections
{
    /// <summary>The prefix of a condition key naming a resource tag.</summary>
    public const string ResourceTagPrefix = "aws:ResourceTag/";

    public static bool Selects(BackupSelection selection, string resourceArn, TagList tags)
        => (selection.Resources.Count == 0 || selection.Resources.Any(pattern => Matches(pattern, resourceArn)))
            && (selection.ListOfTags.Count == 0 || selection.ListOfTags.Any(c => tags.TryGetValue(TagKey(c.ConditionKey), out var value) && value == c.ConditionValue))
            && (selection.Conditions is not { } conditions || Meets(conditions, tags))
            && !selection.NotResources.Any(pattern => Matches(pattern, resourceArn));

    private static bool Meets(Conditions conditions, TagList tags)
        => conditions.StringEquals.All(c => Value(tags, c) is { } v && v == c.ConditionValue)
            && conditions.StringNotEquals.All(c => Value(tags, c) is not { } v || v != c.ConditionValue)
            && conditions.StringLike.All(c => Value(tags, c) is { } v && IsLike(v, c.ConditionValue))
            && conditions.StringNotLike.All(c => Value(tags, c) is not { } v || !IsLike(v, c.ConditionValue));

    private static string? Value(TagList tags, ConditionParameter condition)
        => tags.TryGetValue(TagKey(condition.ConditionKey), out var value) ? value : null;

    private static string TagKey(string conditionKey)
        => conditionKey.StartsWith(ResourceTagPrefix, StringComparison.Ordinal) ? conditionKey[ResourceTagPrefix.Length..] : conditionKey;

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/>, where <c>*</c> matches any characters, none included.</summary>
    private static bool IsLike(string value, string pattern)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return value == pattern;
        }

        if (!value.StartsWith(parts[0], StringComparison.Ordinal) || !value.EndsWith(parts[^1], StringComparison.Ordinal) || value.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var at = parts[0].Length;
        var end = value.Length - parts[^1].Length;
        foreach (var part in parts[1..^1])
        {
            var found = value.IndexOf(part, at, end - at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + part.Length;
        }

        return true;
    }

    private static bool Matches(string pattern, string arn)
        => pattern.EndsWith('*') ? arn.StartsWith(pattern[..^1], StringComparison.Ordinal) : arn == pattern;
}
