using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Dlm;

/// <summary><c>ebs dlm create --target-tag KEY=VALUE (--interval H [--time HH:MM] | --cron EXPR) (--retain N | --retain-days D)</c>.</summary>
internal sealed class DlmCreateCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<DlmCreateCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var tag = settings.TargetTag.Split('=', 2) is [var key, var value] ? new Tag(key, value) : throw new UsageException("--target-tag is KEY=VALUE.");
        var create = settings.Cron is { } cron
            ? new CreateRule { CronExpression = cron }
            : new CreateRule { Interval = settings.Interval, IntervalUnit = IntervalUnitValues.Hours, Times = settings.Time is { } at ? [at] : [] };
        var retain = settings.RetainDays is { } days
            ? new RetainRule { Interval = days, IntervalUnit = RetentionIntervalUnitValues.Days }
            : new RetainRule { Count = settings.Retain };
        CrossRegionCopyRule[] copies = settings.CopyTo is { } region
            ? [new CrossRegionCopyRule { TargetRegion = region, RetainRule = settings.CopyRetainDays is { } keep ? new CrossRegionCopyRetainRule { Interval = keep, IntervalUnit = RetentionIntervalUnitValues.Days } : null }]
            : [];
        var response = await cloud.Account(settings.Account).Dlm(settings.Region).CreateLifecyclePolicyAsync(new CreateLifecyclePolicyRequest
        {
            ExecutionRoleArn = settings.Role ?? $"arn:aws:iam::{settings.Account}:role/AWSDataLifecycleManagerDefaultRole",
            Description = settings.Description,
            State = settings.Disabled ? SettablePolicyStateValues.Disabled : SettablePolicyStateValues.Enabled,
            PolicyDetails = new PolicyDetails
            {
                PolicyType = settings.Images ? PolicyTypeValues.ImageManagement : PolicyTypeValues.EbsSnapshotManagement,
                ResourceTypes = [settings.Images || settings.Instances ? ResourceTypeValues.Instance : ResourceTypeValues.Volume],
                TargetTags = [tag],
                Schedules = [new Schedule { Name = settings.Name, CopyTags = settings.CopyTags, CreateRule = create, RetainRule = retain, CrossRegionCopyRules = copies }],
            },
        }, cancellationToken);
        Print(settings, new JsonObject { ["PolicyId"] = response.PolicyId }, () => new Text($"Created {response.PolicyId}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandOption("--target-tag <KEY=VALUE>")]
        [Description("Target volumes (or instances) with this tag.")]
        [DefaultValue("backup=true")]
        public string TargetTag { get; init; } = "backup=true";

        [CommandOption("--instances")]
        [Description("Target instances (multi-volume snapshot sets) instead of volumes.")]
        public bool Instances { get; init; }

        [CommandOption("--images")]
        [Description("Create images (AMIs) of the targeted instances instead of snapshots.")]
        public bool Images { get; init; }

        [CommandOption("--interval <HOURS>")]
        [Description("Hours between runs: 1, 2, 3, 4, 6, 8, 12 or 24.")]
        [DefaultValue(24)]
        public int Interval { get; init; } = 24;

        [CommandOption("--time <HH:MM>")]
        [Description("UTC time of day the interval starts at.")]
        public string? Time { get; init; }

        [CommandOption("--cron <EXPRESSION>")]
        [Description("A schedule in AWS's cron dialect, such as 'cron(0 2 ? * MON *)', instead of --interval.")]
        public string? Cron { get; init; }

        [CommandOption("--retain <COUNT>")]
        [Description("Snapshots kept per volume, 1 to 1000.")]
        [DefaultValue(7)]
        public int Retain { get; init; } = 7;

        [CommandOption("--retain-days <DAYS>")]
        [Description("Keep each snapshot this many days instead of a count.")]
        public int? RetainDays { get; init; }

        [CommandOption("--copy-to <REGION>")]
        [Description("Copy each snapshot to this Region once it completes.")]
        public string? CopyTo { get; init; }

        [CommandOption("--copy-retain-days <DAYS>")]
        [Description("Keep each copy this many days.")]
        public int? CopyRetainDays { get; init; }

        [CommandOption("--copy-tags")]
        [Description("Copy the volume's tags to its snapshots.")]
        public bool CopyTags { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The schedule's name.")]
        [DefaultValue("Default")]
        public string Name { get; init; } = "Default";

        [CommandOption("--description <TEXT>")]
        [Description("The policy's description.")]
        [DefaultValue("Created by ebs")]
        public string Description { get; init; } = "Created by ebs";

        [CommandOption("--role <ARN>")]
        [Description("The execution role ARN (only its shape is checked); the default role of --account by default.")]
        public string? Role { get; init; }

        [CommandOption("--disabled")]
        [Description("Create the policy disabled.")]
        public bool Disabled { get; init; }
    }
}
