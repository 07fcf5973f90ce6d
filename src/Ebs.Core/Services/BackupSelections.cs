using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>Which volumes a backup selection chooses: by ARN (a trailing <c>*</c> matching any suffix), then by any one of its tags, never those it excludes.</summary>
internal static class BackupSelections
{
    public static bool Selects(BackupSelection selection, string resourceArn, TagList tags)
        => (selection.Resources.Count == 0 || selection.Resources.Any(pattern => Matches(pattern, resourceArn)))
            && (selection.ListOfTags.Count == 0 || selection.ListOfTags.Any(c => tags.TryGetValue(c.ConditionKey, out var value) && value == c.ConditionValue))
            && !selection.NotResources.Any(pattern => Matches(pattern, resourceArn));

    private static bool Matches(string pattern, string arn)
        => pattern.EndsWith('*') ? arn.StartsWith(pattern[..^1], StringComparison.Ordinal) : arn == pattern;
}
