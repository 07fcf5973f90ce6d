using System.Text.RegularExpressions;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <content>The checks of the Recycle Bin's parameters and quotas, each refusing with rbin's error and reason.</content>
public sealed partial class RecycleBinClient
{
    [GeneratedRegex("^[0-9a-zA-Z]{11}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^arn:\S+:rbin:[a-z\-0-9]{0,63}:[0-9]{12}:rule/([0-9a-zA-Z]{11})$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^[\S ]{0,255}$")]
    private static partial Regex DescriptionPattern();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagPattern();

    private static EbsException Invalid(string message)
        => new(EbsErrorCodes.ValidationException, message) { Reason = EbsErrorReasons.InvalidParameterValue };

    private static EbsException Conflict(string message)
        => new(EbsErrorCodes.ConflictException, message) { Reason = EbsErrorReasons.InvalidRuleState };

    private static EbsException QuotaExceeded(string message)
        => new(EbsErrorCodes.ServiceQuotaExceededException, message) { Reason = EbsErrorReasons.ServiceQuotaExceeded };

    private static void CheckIdentifier(string? identifier)
    {
        if (identifier is null || !IdentifierPattern().IsMatch(identifier))
        {
            throw Invalid($"The rule identifier '{identifier}' is not 11 letters and digits.");
        }
    }

    private static string IdentifierOf(string? arn)
        => arn is not null && ArnPattern().Match(arn) is { Success: true } match
            ? match.Groups[1].Value
            : throw Invalid($"'{arn}' is not a retention rule ARN.");

    private static void CheckDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (!AwsEnum.IsDefined(value))
        {
            throw Invalid($"Invalid {typeof(TEnum).Name} '{value}'.");
        }
    }

    private static void CheckResourceType(RecycleBinResourceType type)
    {
        CheckDefined(type);
        if (type == RecycleBinResourceType.EbsVolume)
        {
            throw Invalid("Resource type EBS_VOLUME is not supported: this library deletes volumes at once.");
        }
    }

    private static int CheckRetention(RetentionPeriod? period)
    {
        if (period is null)
        {
            throw Invalid("The request must contain RetentionPeriod.");
        }

        CheckDefined(period.RetentionPeriodUnit);
        return period.RetentionPeriodValue is >= 1 and <= MaxRetentionDays
            ? period.RetentionPeriodValue
            : throw Invalid($"The retention period must be from 1 to {MaxRetentionDays} days; it is {period.RetentionPeriodValue}.");
    }

    private static int CheckUnlockDelay(LockConfiguration configuration)
    {
        if (configuration.UnlockDelay is not { } delay)
        {
            throw Invalid("The lock configuration must contain UnlockDelay.");
        }

        CheckDefined(delay.UnlockDelayUnit);
        return delay.UnlockDelayValue is >= MinUnlockDelayDays and <= MaxUnlockDelayDays
            ? delay.UnlockDelayValue
            : throw Invalid($"The unlock delay must be from {MinUnlockDelayDays} to {MaxUnlockDelayDays} days; it is {delay.UnlockDelayValue}.");
    }

    private static string CheckDescription(string? description)
        => description is null ? string.Empty
            : DescriptionPattern().IsMatch(description) ? description
            : throw Invalid("The description must be at most 255 characters, without tabs or line breaks.");

    private static ValueList<ResourceTag> CheckResourceTags(IReadOnlyList<ResourceTag>? tags, string name, int max)
    {
        var list = tags ?? [];
        foreach (var tag in list)
        {
            ArgumentNullException.ThrowIfNull(tag, name);
            if (tag.ResourceTagKey is not { Length: >= 1 and <= 128 } || tag.ResourceTagValue is { Length: > 256 })
            {
                throw Invalid($"A tag of {name} has a key that is not 1 to 128 characters or a value longer than 256.");
            }
        }

        return list.Count <= max ? ValueList<ResourceTag>.From(list.Distinct()) : throw Invalid($"{name} may hold at most {max} tags.");
    }

    private static void CheckLevel(ValueList<ResourceTag> resourceTags, ValueList<ResourceTag> excludeTags)
    {
        if (resourceTags.Count > 0 && excludeTags.Count > 0)
        {
            throw Invalid("Exclusion tags are for Region-level retention rules only, not tag-level ones.");
        }
    }

    private static TagList MergeTags(TagList existing, IReadOnlyList<Tag>? tags)
    {
        var list = tags ?? [];
        if (list.Count > MaxTagsPerRequest)
        {
            throw Invalid($"At most {MaxTagsPerRequest} tags may be given.");
        }

        foreach (var tag in list)
        {
            ArgumentNullException.ThrowIfNull(tag, nameof(tags));
            if (tag.Key is not { Length: >= 1 and <= 128 } || tag.Value is not { Length: <= 256 } || !TagPattern().IsMatch(tag.Key) || !TagPattern().IsMatch(tag.Value))
            {
                throw Invalid($"The tag '{tag.Key}' must have a key of 1 to 128 and a value of 0 to 256 letters, digits, spaces and _ . : / = + - @.");
            }
        }

        var merged = TagList.From(existing.Items.SetItems(list.Select(t => KeyValuePair.Create(t.Key, t.Value!))));
        return merged.Count <= MaxRuleTags ? merged : throw QuotaExceeded($"A retention rule may have at most {MaxRuleTags} tags.");
    }

    private static void CheckTagQuota(IEnumerable<RetentionRuleRecord> others, ValueList<ResourceTag> resourceTags)
    {
        var rules = others.ToList();
        foreach (var tag in resourceTags)
        {
            if (rules.Count(r => r.ResourceTags.Contains(tag)) >= MaxRulesPerResourceTag)
            {
                throw QuotaExceeded($"The tag '{tag.ResourceTagKey}={tag.ResourceTagValue}' is already on {MaxRulesPerResourceTag} retention rules.");
            }
        }
    }

    private static void CheckMutable(RetentionRuleRecord rule, DateTimeOffset now)
    {
        if (!rule.IsMutableAt(now))
        {
            throw Conflict($"The retention rule {rule.Identifier} is {rule.LockStateAt(now)!.Value.ToAwsString()}: it cannot be changed or deleted until it is unlocked and its unlock delay has passed.");
        }
    }
}
