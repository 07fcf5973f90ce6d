using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The checks of the DLM facade: AWS's limits and patterns from the dlm service model and user guide.</summary>
public sealed partial class DlmClient
{
    private const int MaxSchedules = 4;
    private const int MaxTargetTags = 50;
    private const int MaxScheduleTags = 45;
    private const int MaxPolicyTags = 45;
    private const int MaxCopyRules = 3;
    private const int MaxRetainCount = 1000;
    private const int MaxFastRestoreZones = 10;

    /// <summary>AWS: archiving only for schedules creating snapshots at least 28 days apart.</summary>
    private static readonly TimeSpan MinArchiveFrequency = TimeSpan.FromDays(28);

    /// <summary>A fixed instant from which a cron schedule's gaps are measured, so a check does not depend on the day it is made.</summary>
    private static readonly DateTimeOffset ArchiveGapReference = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int[] Intervals = [1, 2, 3, 4, 6, 8, 12, 24];

    /// <summary>Checks the details, returning them with their lists copied so later changes to the caller's lists change nothing.</summary>
    private PolicyDetails CheckDetails(PolicyDetails details)
    {
        if (!AwsEnum.IsDefined(details.PolicyType))
        {
            throw Invalid("PolicyType must be EBS_SNAPSHOT_MANAGEMENT or IMAGE_MANAGEMENT.");
        }

        var types = CheckList(details.ResourceTypes, 1, nameof(details.ResourceTypes));
        if (types.Count != 1 || !AwsEnum.IsDefined(types[0]))
        {
            throw Invalid("ResourceTypes must be one of VOLUME or INSTANCE.");
        }

        if (details.PolicyType == PolicyTypeValues.ImageManagement && types[0] != ResourceTypeValues.Instance)
        {
            throw Invalid("An IMAGE_MANAGEMENT policy targets INSTANCE resources.");
        }

        var targetTags = CheckList(details.TargetTags, MaxTargetTags, nameof(details.TargetTags));
        if (targetTags.Count == 0)
        {
            throw Invalid("TargetTags must contain at least one tag.");
        }

        targetTags.ForEach(CheckTag);
        var schedules = CheckList(details.Schedules, MaxSchedules, nameof(details.Schedules));
        if (schedules.Count == 0)
        {
            throw Invalid("Schedules must contain at least one schedule.");
        }

        if (schedules.Select(s => s?.Name).Distinct().Count() != schedules.Count)
        {
            throw Invalid("Schedule names must be unique within a policy.");
        }

        if (schedules.Count(s => s?.ArchiveRule is not null) > 1)
        {
            throw Invalid("Only one schedule of a policy can have an archive rule.");
        }

        return details with
        {
            ResourceTypes = [.. types],
            TargetTags = [.. targetTags],
            Schedules = [.. schedules.Select(s => CheckSchedule(s, details.PolicyType, types[0]))],
        };
    }

    private Schedule CheckSchedule(Schedule schedule, PolicyTypeValues policyType, ResourceTypeValues type)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Name is not { Length: >= 1 and <= 120 } name || !NamePattern().IsMatch(name))
        {
            throw Invalid("A schedule name must be 1 to 120 letters, digits, spaces, underscores and hyphens.");
        }

        var tagsToAdd = CheckList(schedule.TagsToAdd, MaxScheduleTags, nameof(schedule.TagsToAdd));
        var variableTags = CheckList(schedule.VariableTags, MaxScheduleTags, nameof(schedule.VariableTags));
        tagsToAdd.Concat(variableTags).ToList().ForEach(CheckTag);
        if (variableTags.Count > 0 && type != ResourceTypeValues.Instance)
        {
            throw Invalid("VariableTags are only for policies that target instances.");
        }

        ArgumentNullException.ThrowIfNull(schedule.CreateRule, nameof(schedule));
        ArgumentNullException.ThrowIfNull(schedule.RetainRule, nameof(schedule));
        var copyRules = CheckList(schedule.CrossRegionCopyRules, MaxCopyRules, nameof(schedule.CrossRegionCopyRules));
        copyRules.ForEach(CheckCopyRule);
        if (copyRules.Select(r => r.TargetRegion).Distinct().Count() != copyRules.Count)
        {
            throw Invalid("Each cross-Region copy rule must have its own target Region.");
        }

        if (policyType == PolicyTypeValues.ImageManagement && copyRules.Count > 0)
        {
            throw Invalid("Cross-Region copy rules of AMI policies are not supported by this library.");
        }

        if (schedule.DeprecateRule is { } deprecate)
        {
            CheckDeprecateRule(deprecate, policyType);
        }

        var createRule = CheckCreateRule(schedule.CreateRule);
        var shareRules = CheckList(schedule.ShareRules, 1, nameof(schedule.ShareRules));
        if (policyType == PolicyTypeValues.ImageManagement && (shareRules.Count > 0 || schedule.FastRestoreRule is not null || schedule.ArchiveRule is not null))
        {
            throw Invalid("Share rules, fast restore rules and archive rules are only for EBS_SNAPSHOT_MANAGEMENT policies.");
        }

        if (schedule.ArchiveRule is { } archive)
        {
            CheckArchiveRule(archive, schedule.RetainRule, createRule, type);
        }

        // AWS: with a fast restore, share or cross-Region copy rule the retention keeps each snapshot at least 1 (count or day).
        CheckRetainRule(schedule.RetainRule, archiving: schedule.ArchiveRule is not null, keepsOne: shareRules.Count > 0 || schedule.FastRestoreRule is not null || copyRules.Count > 0);
        var shares = shareRules.Select(r => CheckShareRule(r, schedule.RetainRule, createRule)).ToList();
        return schedule with
        {
            TagsToAdd = [.. tagsToAdd],
            VariableTags = [.. variableTags],
            CreateRule = createRule,
            CrossRegionCopyRules = [.. copyRules],
            ShareRules = [.. shares],
            FastRestoreRule = schedule.FastRestoreRule is { } fast ? CheckFastRestoreRule(fast, schedule.RetainRule) : null,
        };
    }

    /// <summary>AWS's archive rule limits: volume targets, a cron schedule at least 28 days apart, a count or age matching the retention's kind, and at least 90 days in the archive tier.</summary>
    private static void CheckArchiveRule(ArchiveRule rule, RetainRule retain, CreateRule create, ResourceTypeValues type)
    {
        ArgumentNullException.ThrowIfNull(rule.RetainRule, nameof(rule));
        ArgumentNullException.ThrowIfNull(rule.RetainRule.RetentionArchiveTier, nameof(rule));
        if (type != ResourceTypeValues.Volume)
        {
            throw Invalid("Archive rules are only for policies that target volumes.");
        }

        if (create.CronExpression is null || ScheduleTiming.ShortestGap(create, ArchiveGapReference) < MinArchiveFrequency)
        {
            throw Invalid("Snapshot archiving requires a schedule with a cron expression that creates snapshots at least 28 days apart.");
        }

        var tier = rule.RetainRule.RetentionArchiveTier;
        if (retain.Count is not null)
        {
            if (tier.Count is not { } count || tier.Interval is not null || tier.IntervalUnit is not null)
            {
                throw Invalid("A count-based schedule's archive retention must have a Count, and no Interval or IntervalUnit.");
            }

            if (count is < 1 or > MaxRetainCount)
            {
                throw Invalid($"The archive retention count must be 1 to {MaxRetainCount}.");
            }

            var gapDays = ScheduleTiming.TypicalGap(create, ArchiveGapReference).TotalDays;
            if (gapDays * count < ScheduleTiming.MinimumArchivePeriod.TotalDays)
            {
                var least = (int)Math.Ceiling(ScheduleTiming.MinimumArchivePeriod.TotalDays / gapDays);
                throw Invalid($"The archive retention count must keep each snapshot in the archive tier for at least 90 days: at this schedule's frequency, at least {least}.");
            }

            return;
        }

        if (tier is not { Count: null, Interval: { } interval, IntervalUnit: { } unit } || !AwsEnum.IsDefined(unit))
        {
            throw Invalid("An age-based schedule's archive retention must have an Interval and IntervalUnit, and no Count.");
        }

        CheckAge(interval, unit);
        if (ScheduleTiming.Nominal(interval, unit) < ScheduleTiming.MinimumArchivePeriod)
        {
            throw Invalid("The archive retention period must be at least 90 days.");
        }
    }

    /// <summary>AWS's share rule limits: 12-digit accounts, and an unshare period shorter than the retention period.</summary>
    private static ShareRule CheckShareRule(ShareRule rule, RetainRule retain, CreateRule create)
    {
        var accounts = CheckList(rule.TargetAccounts, int.MaxValue, nameof(rule.TargetAccounts));
        if (accounts.Count == 0 || accounts.Any(a => !AccountIdFormat.IsValid(a)))
        {
            throw Invalid("TargetAccounts must contain at least one 12-digit account id.");
        }

        if (rule.UnshareInterval is null && rule.UnshareIntervalUnit is null)
        {
            return rule with { TargetAccounts = [.. accounts.Distinct(StringComparer.Ordinal)] };
        }

        if (rule is not { UnshareInterval: { } interval, UnshareIntervalUnit: { } unit } || !AwsEnum.IsDefined(unit))
        {
            throw Invalid("UnshareInterval and UnshareIntervalUnit must be given together.");
        }

        CheckAge(interval, unit);
        var keptDays = retain.Count is { } count
            ? ScheduleTiming.TypicalGap(create, ArchiveGapReference).TotalDays * count
            : ScheduleTiming.Nominal(retain.Interval!.Value, retain.IntervalUnit!.Value).TotalDays;
        if (ScheduleTiming.Nominal(interval, unit).TotalDays >= keptDays)
        {
            throw Invalid("The unshare period must be shorter than the period the schedule retains its snapshots.");
        }

        return rule with { TargetAccounts = [.. accounts.Distinct(StringComparer.Ordinal)] };
    }

    /// <summary>AWS's fast restore rule limits: 1 to 10 zones of the Region, a Count for count-based schedules, an Interval and IntervalUnit for age-based ones.</summary>
    private FastRestoreRule CheckFastRestoreRule(FastRestoreRule rule, RetainRule retain)
    {
        var zones = CheckList(rule.AvailabilityZones, MaxFastRestoreZones, nameof(rule.AvailabilityZones));
        if (zones.Count == 0)
        {
            throw Invalid("A fast restore rule must name 1 to 10 Availability Zones.");
        }

        if (zones.FirstOrDefault(z => !_engine.Regions[Region].Contains(z)) is { } outside)
        {
            throw Invalid($"The Availability Zone '{outside}' is not in Region '{Region}'.");
        }

        if (retain.Count is not null)
        {
            if (rule is not { Count: { } count, Interval: null, IntervalUnit: null })
            {
                throw Invalid("A count-based schedule's fast restore rule must have a Count, and no Interval or IntervalUnit.");
            }

            if (count is < 1 or > MaxRetainCount)
            {
                throw Invalid($"The fast restore count must be 1 to {MaxRetainCount}.");
            }
        }
        else
        {
            if (rule is not { Count: null, Interval: { } interval, IntervalUnit: { } unit } || !AwsEnum.IsDefined(unit))
            {
                throw Invalid("An age-based schedule's fast restore rule must have an Interval and IntervalUnit, and no Count.");
            }

            CheckAge(interval, unit);
        }

        return rule with { AvailabilityZones = [.. zones.Distinct(StringComparer.Ordinal)] };
    }

    private static CreateRule CheckCreateRule(CreateRule rule)
    {
        var times = CheckList(rule.Times, 1, nameof(rule.Times));
        if (rule.CronExpression is { } cron)
        {
            if (rule.Interval is not null || rule.IntervalUnit is not null || times.Count > 0)
            {
                throw Invalid("CronExpression cannot be combined with Interval, IntervalUnit or Times.");
            }

            if (cron.Length is < 17 or > 106 || !CronExpression.TryParse(cron, out var parsed, out var error))
            {
                throw Invalid($"The cron expression '{cron}' is not valid: {CronError(cron)}");
            }

            if (parsed.Minutes.Length != 1)
            {
                throw Invalid($"The cron expression '{cron}' runs more often than once an hour; the interval must be between 1 hour and 1 year.");
            }

            return rule with { Times = [] };
        }

        if (rule.Interval is not { } interval || !Intervals.Contains(interval))
        {
            throw Invalid("Interval must be one of 1, 2, 3, 4, 6, 8, 12 or 24, unless a CronExpression is given.");
        }

        if (rule.IntervalUnit is not { } unit || !AwsEnum.IsDefined(unit))
        {
            throw Invalid("IntervalUnit must be HOURS.");
        }

        if (times.Any(t => t is null || !TimePattern().IsMatch(t)))
        {
            throw Invalid("Times must be hh:mm, in UTC.");
        }

        return rule with { Times = [.. times] };
    }

    private static string CronError(string cron)
        => cron.Length is < 17 or > 106 ? "it must be 17 to 106 characters." : CronExpression.TryParse(cron, out _, out var error) ? string.Empty : error;

    /// <summary>A count of 1 to 1000 or an age of 1 unit to 100 years; 0 (archive at once) with an archive rule, unless a share, fast restore or copy rule needs the snapshot kept.</summary>
    private static void CheckRetainRule(RetainRule rule, bool archiving, bool keepsOne)
    {
        var least = archiving && !keepsOne ? 0 : 1;
        if (rule.Count is { } count)
        {
            if (rule.Interval is not null || rule.IntervalUnit is not null)
            {
                throw Invalid("A retain rule has either a Count or an Interval and IntervalUnit.");
            }

            if (count < least || count > MaxRetainCount)
            {
                throw Invalid($"The retain count must be {least} to {MaxRetainCount}.");
            }

            return;
        }

        if (rule is not { Interval: { } interval, IntervalUnit: { } unit } || !AwsEnum.IsDefined(unit))
        {
            throw Invalid("A retain rule has either a Count or an Interval and IntervalUnit.");
        }

        if (interval == 0 && least == 0 && unit == RetentionIntervalUnitValues.Days)
        {
            return;
        }

        CheckAge(interval, unit);
    }

    private static void CheckDeprecateRule(DeprecateRule rule, PolicyTypeValues policyType)
    {
        if (policyType != PolicyTypeValues.ImageManagement)
        {
            throw Invalid("A deprecate rule is only for IMAGE_MANAGEMENT policies.");
        }

        if (rule.Count is { } count)
        {
            if (rule.Interval is not null || rule.IntervalUnit is not null || count is < 1 or > MaxRetainCount)
            {
                throw Invalid($"A deprecate rule has either a Count of 1 to {MaxRetainCount} or an Interval and IntervalUnit.");
            }

            return;
        }

        if (rule is not { Interval: { } interval, IntervalUnit: { } unit } || !AwsEnum.IsDefined(unit))
        {
            throw Invalid("A deprecate rule has either a Count or an Interval and IntervalUnit.");
        }

        CheckAge(interval, unit);
    }

    private static void CheckAge(int interval, RetentionIntervalUnitValues unit)
    {
        var most = unit switch
        {
            RetentionIntervalUnitValues.Days => 36500,
            RetentionIntervalUnitValues.Weeks => 5200,
            RetentionIntervalUnitValues.Months => 1200,
            _ => 100,
        };
        if (interval < 1 || interval > most)
        {
            throw Invalid($"The retention interval must be 1 to {most} {unit.ToAwsString()} (100 years at most).");
        }
    }

    private void CheckCopyRule(CrossRegionCopyRule rule)
    {
        if (rule.TargetRegion is null || !_engine.Regions.ContainsKey(rule.TargetRegion))
        {
            throw Invalid($"The target Region '{rule.TargetRegion}' is not valid.");
        }

        if (rule.Encrypted)
        {
            throw Invalid("Encrypted copies are not supported by this library.");
        }

        if (rule.RetainRule is { } retain)
        {
            if (!AwsEnum.IsDefined(retain.IntervalUnit))
            {
                throw Invalid("The copy retain rule's IntervalUnit must be DAYS, WEEKS, MONTHS or YEARS.");
            }

            CheckAge(retain.Interval, retain.IntervalUnit);
        }
    }

    /// <summary>AWS refuses to change a policy's type or resource type, or to turn a schedule's count-based retention into age-based or back.</summary>
    private static void CheckRetentionKinds(PolicyDetails current, PolicyDetails updated)
    {
        if (current.PolicyType != updated.PolicyType || current.ResourceTypes[0] != updated.ResourceTypes[0])
        {
            throw Invalid("The policy type and resource type of a policy cannot be updated.");
        }

        foreach (var schedule in updated.Schedules)
        {
            if (current.Schedules.FirstOrDefault(s => s.Name == schedule.Name) is { } old && (old.RetainRule.Count is null) != (schedule.RetainRule.Count is null))
            {
                throw Invalid($"The retention of schedule '{schedule.Name}' cannot change between count-based and age-based; create a new policy.");
            }
        }
    }

    private static void CheckRoleArn(string? arn)
    {
        if (arn is not { Length: >= 1 and <= 2048 } || !RoleArnPattern().IsMatch(arn))
        {
            throw Invalid($"The execution role ARN '{arn}' is not valid.");
        }
    }

    private static void CheckDescription(string? description)
    {
        if (description is not { Length: >= 1 and <= 500 } || !NamePattern().IsMatch(description))
        {
            throw Invalid("The description must be 1 to 500 letters, digits, spaces, underscores and hyphens.");
        }
    }

    private static void CheckState(SettablePolicyStateValues state)
    {
        if (!AwsEnum.IsDefined(state))
        {
            throw Invalid("State must be ENABLED or DISABLED.");
        }
    }

    private static void CheckPolicyId(string? policyId)
    {
        if (policyId is not { Length: <= 64 } || !PolicyIdPattern().IsMatch(policyId))
        {
            throw Invalid($"The policy id '{policyId}' is not valid.");
        }
    }

    /// <summary>The policy id of a lifecycle policy ARN; a well-formed ARN of another account or Region names no policy of the caller's.</summary>
    private string PolicyIdOf(string? arn)
    {
        var match = arn is null ? null : PolicyArnPattern().Match(arn);
        if (match is not { Success: true })
        {
            throw Invalid($"The resource ARN '{arn}' is not the ARN of a lifecycle policy.");
        }

        var policyId = match.Groups["id"].Value;
        CheckPolicyId(policyId);
        if (match.Groups["region"].Value != Region || match.Groups["account"].Value != AccountId)
        {
            throw PolicyNotFound(policyId);
        }

        return policyId;
    }

    private static void CheckTag(Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Key is not { Length: >= 1 and <= 128 } || tag.Key.StartsWith("aws:", StringComparison.Ordinal) || tag.Value is { Length: > 256 })
        {
            throw Invalid($"The tag '{tag.Key}' is not valid: keys are 1 to 128 characters not starting with 'aws:', values up to 256.");
        }
    }

    private static TagList CheckTags(TagList existing, IReadOnlyList<Tag> added)
    {
        var tags = existing.Items;
        foreach (var tag in CheckList(added, MaxPolicyTags, nameof(added)))
        {
            CheckTag(tag);
            tags = tags.SetItem(tag.Key, tag.Value ?? string.Empty);
        }

        return tags.Count <= MaxPolicyTags ? TagList.From(tags) : throw Invalid($"A policy may have at most {MaxPolicyTags} tags.");
    }

    private static (string Key, string Value) TagFilter(string filter)
        => filter?.Split('=', 2) is [{ Length: > 0 } key, var value] ? (key, value) : throw Invalid($"The tag filter '{filter}' is not of the form key=value.");

    private static List<T> CheckList<T>(IReadOnlyList<T>? items, int most, string name)
    {
        var list = (items ?? []).ToList();
        foreach (var item in list)
        {
            ArgumentNullException.ThrowIfNull(item, name);
        }

        return list.Count <= most ? list : throw Invalid($"{name} may have at most {most} items.");
    }

    private static EbsException Invalid(string message) => new(EbsErrorCodes.InvalidRequestException, message);

    [GeneratedRegex("^[0-9A-Za-z _-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex TimePattern();

    [GeneratedRegex("^arn:aws:dlm:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):policy/(?<id>.+)$")]
    private static partial Regex PolicyArnPattern();

    [GeneratedRegex("^policy-[A-Za-z0-9]+$")]
    private static partial Regex PolicyIdPattern();

    [GeneratedRegex(@"^arn:aws(-[a-z]{1,3}){0,2}:iam::\d+:role/.*$")]
    private static partial Regex RoleArnPattern();
}
