using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class BackupClient
{
    /// <summary>The most rules of a plan (AWS's quota).</summary>
    public const int MaxRulesPerPlan = 10;

    /// <summary>The most copy actions of a rule (AWS's quota).</summary>
    public const int MaxCopyActionsPerRule = 5;

    /// <summary>The most tags AWS Backup adds to a recovery point (AWS's quota).</summary>
    public const int MaxRecoveryPointTags = 10;

    /// <summary>The shortest start window, in minutes.</summary>
    public const int MinStartWindowMinutes = 60;

    /// <summary>The default start window, in minutes (8 hours).</summary>
    public const int DefaultStartWindowMinutes = 480;

    /// <summary>The default completion window, in minutes (7 days).</summary>
    public const int DefaultCompletionWindowMinutes = 10080;

    private static void CheckVaultName(string? name)
    {
        if (name is null || !VaultNamePattern().IsMatch(name))
        {
            throw Invalid($"Backup vault name '{name}' must be 2 to 50 letters, digits, hyphens or underscores.");
        }
    }

    private static void CheckName(string? name, int maxLength, string what)
    {
        if (name is null || name.Length < 1 || name.Length > maxLength || !NamePattern().IsMatch(name))
        {
            throw Invalid($"{what} '{name}' must be 1 to {maxLength} letters, digits, hyphens, underscores or periods.");
        }
    }

    private static void CheckDays(long? days, long min, string parameter)
    {
        if (days is { } value && (value < min || value > BackupLifecycles.MaxDays))
        {
            throw Invalid($"{parameter} must be from {min} to {BackupLifecycles.MaxDays} days.");
        }
    }

    private static void CheckStartWindow(long? minutes)
    {
        if (minutes is < MinStartWindowMinutes)
        {
            throw Invalid($"StartWindowMinutes must be at least {MinStartWindowMinutes} minutes.");
        }
    }

    private static Lifecycle? CheckLifecycle(Lifecycle? lifecycle, string? ruleName)
    {
        var (normalized, error) = BackupLifecycles.Normalize(lifecycle, ruleName is null ? string.Empty : $"Error in rule {ruleName} : ");
        return error is null ? normalized : throw Invalid(error);
    }

    private static void CheckPaging(string operation, int? maxResults, string? nextToken)
    {
        if (maxResults is < 1 or > Pagination.MaxResults)
        {
            throw Invalid($"MaxResults must be from 1 to {Pagination.MaxResults}.");
        }

        if (nextToken is not null && !Pagination.IsToken(operation, nextToken))
        {
            throw Invalid("The pagination token is not valid.");
        }
    }

    private static TagList TagsOf(IReadOnlyDictionary<string, string>? tags, int max = int.MaxValue)
    {
        if (tags is null || tags.Count == 0)
        {
            return TagList.Empty;
        }

        if (tags.Count > max)
        {
            throw Invalid($"At most {max} tags may be given.");
        }

        return TagList.Of(tags.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    private static EbsException Invalid(string message) => BackupErrors.Of(EbsErrorCodes.InvalidParameterValueException, message);

    /// <summary>Checks the account and resource type filters of the job lists: AWS's patterns.</summary>
    private static void CheckJobFilters(string? accountId, string? resourceType)
    {
        if (accountId is not null && !AccountIdFormat.IsValid(accountId))
        {
            throw Invalid($"Account id '{accountId}' is not 12 digits.");
        }

        if (resourceType is not null && !ResourceTypePattern().IsMatch(resourceType))
        {
            throw Invalid($"Resource type '{resourceType}' is not valid.");
        }
    }

    /// <summary>Whether <paramref name="at"/> is strictly inside the window (an end not given is open).</summary>
    private static bool InWindow(DateTimeOffset at, DateTimeOffset? after, DateTimeOffset? before)
        => (after is null || at > after) && (before is null || at < before);

    /// <summary>Whether a job completed strictly inside the window; a job not completed is outside any window given.</summary>
    private static bool CompletedInWindow(DateTimeOffset? completed, DateTimeOffset? after, DateTimeOffset? before)
        => (after is null && before is null) || (completed is { } at && InWindow(at, after, before));

    /// <summary>A job's order in the lists: its creation, then its id.</summary>
    private static string JobKey(DateTimeOffset created, string id) => string.Create(CultureInfo.InvariantCulture, $"{created.UtcTicks:D19}|{id}");

    private static EbsException Missing(string parameter) => BackupErrors.Of(EbsErrorCodes.MissingParameterValueException, $"{parameter} is required.");

    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{2,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex VaultNamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceTypePattern();
}
