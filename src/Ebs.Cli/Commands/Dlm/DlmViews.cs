using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Spectre.Console;

namespace Ebs.Cli.Commands.Dlm;

/// <summary>How lifecycle policies are shown: JSON as the AWS CLI's <c>dlm</c> responses (tags as a map), tables for people.</summary>
internal static class DlmViews
{
    public static JsonObject Json(LifecyclePolicy p) => new()
    {
        ["Policy"] = new JsonObject
        {
            ["PolicyId"] = p.PolicyId,
            ["Description"] = p.Description,
            ["State"] = p.State.ToAwsString(),
            ["StatusMessage"] = p.StatusMessage,
            ["ExecutionRoleArn"] = p.ExecutionRoleArn,
            ["DateCreated"] = AwsValues.Time(p.DateCreated),
            ["DateModified"] = AwsValues.Time(p.DateModified),
            ["PolicyDetails"] = Json(p.PolicyDetails),
            ["Tags"] = AwsValues.TagMap(p.Tags),
            ["PolicyArn"] = p.PolicyArn,
        },
    };

    public static JsonObject Json(IEnumerable<LifecyclePolicySummary> policies) => new()
    {
        ["Policies"] = JsonItems.Array(policies, p => new JsonObject
        {
            ["PolicyId"] = p.PolicyId,
            ["Description"] = p.Description,
            ["State"] = p.State.ToAwsString(),
            ["Tags"] = AwsValues.TagMap(p.Tags),
            ["PolicyType"] = p.PolicyType.ToAwsString(),
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

    private static JsonObject Json(PolicyDetails d) => new()
    {
        ["PolicyType"] = d.PolicyType.ToAwsString(),
        ["ResourceTypes"] = JsonItems.Strings(d.ResourceTypes.Select(r => r.ToAwsString())),
        ["TargetTags"] = AwsValues.TagArray(d.TargetTags),
        ["Schedules"] = JsonItems.Array(d.Schedules, s => new JsonObject
        {
            ["Name"] = s.Name,
            ["CopyTags"] = s.CopyTags,
            ["TagsToAdd"] = AwsValues.TagArray(s.TagsToAdd),
            ["CreateRule"] = s.CreateRule.CronExpression is { } cron
                ? new JsonObject { ["CronExpression"] = cron }
                : new JsonObject { ["Interval"] = s.CreateRule.Interval, ["IntervalUnit"] = s.CreateRule.IntervalUnit?.ToAwsString(), ["Times"] = JsonItems.Strings(s.CreateRule.Times) },
            ["RetainRule"] = s.RetainRule.Count is { } count
                ? new JsonObject { ["Count"] = count }
                : new JsonObject { ["Interval"] = s.RetainRule.Interval, ["IntervalUnit"] = s.RetainRule.IntervalUnit?.ToAwsString() },
            ["CrossRegionCopyRules"] = JsonItems.Array(s.CrossRegionCopyRules, c => new JsonObject
            {
                ["TargetRegion"] = c.TargetRegion,
                ["Encrypted"] = c.Encrypted,
                ["CopyTags"] = c.CopyTags,
                ["RetainRule"] = c.RetainRule is { } r ? new JsonObject { ["Interval"] = r.Interval, ["IntervalUnit"] = r.IntervalUnit.ToAwsString() } : null,
            }),
        }),
    };
}
