using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

/// <summary>Backup selections by <c>Conditions</c> (all must hold), <c>ListOfTags</c> (any one) and <c>NotResources</c>.</summary>
public sealed class SelectionConditionTests
{
    private static ConditionParameter Tag(string key, string value) => new() { ConditionKey = $"aws:ResourceTag/{key}", ConditionValue = value };

    private static async Task<VolumeId> VolumeAsync(TestCloud t, params (string Key, string Value)[] tags)
        => (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = "us-east-1a",
            Size = 1,
            TagSpecifications = tags.Length == 0 ? [] : Ec2Shorthands.Tags(ResourceType.Volume, tags.ToDictionary(x => x.Key, x => x.Value)),
        })).Volume.VolumeId;

    /// <summary>The volumes one daily run of a plan with <paramref name="selection"/> backs up.</summary>
    private static async Task<HashSet<string>> SelectedAsync(TestCloud t, BackupSelection selection)
    {
        await t.Backup().CreateVaultAsync("v1");
        var plan = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest
        {
            BackupPlan = new BackupPlanInput { BackupPlanName = "p", Rules = [new BackupRuleInput { RuleName = "daily", TargetBackupVaultName = "v1", ScheduleExpression = "cron(0 5 ? * * *)" }] },
        });
        await t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest { BackupPlanId = plan.BackupPlanId, BackupSelection = selection });
        t.Time.Advance(TimeSpan.FromHours(6));
        return [.. (await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs.Select(j => j.ResourceArn[(j.ResourceArn.LastIndexOf('/') + 1)..])];
    }

    [Fact]
    public async Task Conditions_AllFourOperators_OnlyVolumesMeetingEveryOne()
    {
        await using var t = new TestCloud();
        var chosen = await VolumeAsync(t, ("env", "production"), ("owner", "db-team"));
        await VolumeAsync(t, ("env", "production"), ("owner", "db-team"), ("tier", "scratch"));
        await VolumeAsync(t, ("env", "staging"), ("owner", "db-team"));
        await VolumeAsync(t, ("env", "production"), ("owner", "web"));
        await VolumeAsync(t, ("env", "production"));

        var selected = await SelectedAsync(t, new BackupSelection
        {
            SelectionName = "conditions",
            IamRoleArn = BackupShorthands.Role,
            Conditions = new Conditions
            {
                StringLike = ValueList<ConditionParameter>.From([Tag("env", "prod*")]),
                StringEquals = ValueList<ConditionParameter>.From([Tag("owner", "db-team")]),
                StringNotEquals = ValueList<ConditionParameter>.From([Tag("tier", "scratch")]),
                StringNotLike = ValueList<ConditionParameter>.From([Tag("owner", "*web*")]),
            },
        });

        Assert.Equal([chosen.Value], selected);
    }

    [Fact]
    public async Task ListOfTags_AnyOneWithConditionsAndNotResources_BothHoldExclusionWins()
    {
        await using var t = new TestCloud();
        var daily = await VolumeAsync(t, ("backup", "daily"), ("env", "prod"));
        var weekly = await VolumeAsync(t, ("backup", "weekly"), ("env", "prod"));
        await VolumeAsync(t, ("backup", "weekly"), ("env", "test"));
        var excluded = await VolumeAsync(t, ("backup", "daily"), ("env", "prod"));
        await VolumeAsync(t, ("backup", "monthly"), ("env", "prod"));

        var selected = await SelectedAsync(t, new BackupSelection
        {
            SelectionName = "tags",
            IamRoleArn = BackupShorthands.Role,
            Resources = ValueList<string>.From(["*"]),
            ListOfTags = ValueList<Condition>.From([new Condition { ConditionKey = "backup", ConditionValue = "daily" }, new Condition { ConditionKey = "backup", ConditionValue = "weekly" }]),
            Conditions = new Conditions { StringEquals = ValueList<ConditionParameter>.From([Tag("env", "prod")]) },
            NotResources = ValueList<string>.From([BackupShorthands.VolumeArn(excluded)]),
        });

        Assert.Equal(new[] { daily.Value, weekly.Value }.Order(StringComparer.Ordinal), selected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateBackupSelection_ConditionWithoutKey_RefusedChangingNothing()
    {
        await using var t = new TestCloud();
        var plan = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest
        {
            BackupPlan = new BackupPlanInput { BackupPlanName = "p", Rules = [new BackupRuleInput { RuleName = "daily", TargetBackupVaultName = "v1" }] },
        });

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest
            {
                BackupPlanId = plan.BackupPlanId,
                BackupSelection = new BackupSelection { SelectionName = "s", IamRoleArn = BackupShorthands.Role, Conditions = new Conditions { StringEquals = ValueList<ConditionParameter>.From([Tag("", "x") with { ConditionKey = "" }]) } },
            }).AsTask(),
            EbsErrorCodes.InvalidParameterValueException);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest
            {
                BackupPlanId = plan.BackupPlanId,
                BackupSelection = new BackupSelection { SelectionName = "s", IamRoleArn = BackupShorthands.Role, Conditions = new Conditions() },
            }).AsTask(),
            EbsErrorCodes.InvalidParameterValueException);
    }
}
