using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Spectre.Console;

namespace Ebs.Cli.Commands.Dlm;

/// <summary>How lifecycle policies are shown: JSON as the AWS CLI's <c>dlm</c> responses (tags as a map), tables for people.</summary>
internal static class DlmViews
{
    public static object Json(LifecyclePolicy p) => new
    {
        Policy = new
        {
            p.PolicyId,
            p.Description,
            State = p.State.ToAwsString(),
            p.StatusMessage,
            p.ExecutionRoleArn,
            DateCreated = AwsValues.Time(p.DateCreated),
            DateModified = AwsValues.Time(p.DateModified),
            PolicyDetails = Json(p.PolicyDetails),
            Tags = p.Tags.ToDictionary(t => t.Key, t => t.Value),
            p.PolicyArn,
        },
    };

    public static object Json(IEnumerable<LifecyclePolicySummary> policies) => new
    {
        Policies = policies.Select(p => new
        {
            p.PolicyId,
            p.Description,
            State = p.State.ToAwsString(),
            Tags = p.Tags.ToDictionary(t => t.Key, t => t.Value),
            PolicyType = p.PolicyType.ToAwsString(),
        }),
    };

    public static Table Policies(IEnumerable<LifecyclePolicySummary> policies)
    {
        var table = new Table().Border(TableBorder.Minimal);
        foreach (var column in new[] { "Policy", "Type", "State", "Description" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var p in policies)
        {
            table.AddRow(p.PolicyId, p.PolicyType.ToAwsString(), p.State.ToAwsString(), Markup.Escape(p.Description));
        }

        return table;
    }

    public static Text Policy(LifecyclePolicy p)
    {
        var lines = new List<string> { $"{p.PolicyId} ({p.State.ToAwsString()}): {p.Description}" };
        lines.AddRange(p.PolicyDetails.Schedules.Select(s =>
            $"  {s.Name}: {(s.CreateRule.CronExpression ?? $"every {s.CreateRule.Interval} h from {string.Join(' ', s.CreateRule.Times)}")}, keep {(s.RetainRule.Count is { } count ? $"{count}" : $"{s.RetainRule.Interval} {s.RetainRule.IntervalUnit?.ToAwsString()}")}"
            + string.Concat(s.CrossRegionCopyRules.Select(c => $", copy to {c.TargetRegion}"))));
        return new Text(string.Join('\n', lines) + "\n");
    }

    private static object Json(PolicyDetails d) => new
    {
        PolicyType = d.PolicyType.ToAwsString(),
        ResourceTypes = d.ResourceTypes.Select(r => r.ToAwsString()),
        TargetTags = d.TargetTags,
        Schedules = d.Schedules.Select(s => new
        {
            s.Name,
            s.CopyTags,
            s.TagsToAdd,
            CreateRule = s.CreateRule.CronExpression is { } cron
                ? (object)new { CronExpression = cron }
                : new { s.CreateRule.Interval, IntervalUnit = s.CreateRule.IntervalUnit?.ToAwsString(), s.CreateRule.Times },
            RetainRule = s.RetainRule.Count is { } count
                ? (object)new { Count = count }
                : new { s.RetainRule.Interval, IntervalUnit = s.RetainRule.IntervalUnit?.ToAwsString() },
            CrossRegionCopyRules = s.CrossRegionCopyRules.Select(c => new
            {
                c.TargetRegion,
                c.Encrypted,
                c.CopyTags,
                RetainRule = c.RetainRule is { } r ? new { r.Interval, IntervalUnit = r.IntervalUnit.ToAwsString() } : null,
            }),
        }),
    };
}
