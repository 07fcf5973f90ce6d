using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

public sealed class BackupPlanTests
{
    private static BackupPlanInput Daily(string vault = "v1", string? schedule = null, Lifecycle? lifecycle = null) => new()
    {
        BackupPlanName = "daily-plan",
        Rules = [new BackupRuleInput { RuleName = "daily", TargetBackupVaultName = vault, ScheduleExpression = schedule, Lifecycle = lifecycle }],
    };

    [Fact]
    public async Task CreateBackupPlan_Defaults_FilledInAsAwsDoes()
    {
        await using var t = new TestCloud();
        var created = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = Daily() });
        var plan = await t.Backup().GetBackupPlanAsync(new GetBackupPlanRequest { BackupPlanId = created.BackupPlanId });

        var rule = plan.BackupPlan.Rules.Single();
        Assert.Equal($"arn:aws:backup:us-east-1:111111111111:backup-plan:{created.BackupPlanId}", created.BackupPlanArn);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", created.BackupPlanId);
        Assert.Equal("cron(0 5 ? * * *)", rule.ScheduleExpression);
        Assert.Equal((480L, 10080L), (rule.StartWindowMinutes, rule.CompletionWindowMinutes));
        Assert.Null(plan.LastExecutionDate);
        Assert.Single((await t.Backup().ListBackupPlansAsync(new ListBackupPlansRequest())).BackupPlansList);
    }

    [Theory]
    [InlineData(30L, 119L, "Error in rule daily : Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays")]
    [InlineData(null, 0L, "Error in rule daily : Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days")]
    public async Task CreateBackupPlan_BadLifecycle_AwsMessageAndNothingChanged(long? cold, long? delete, string message)
    {
        await using var t = new TestCloud();
        var request = new CreateBackupPlanRequest { BackupPlan = Daily(lifecycle: new Lifecycle { MoveToColdStorageAfterDays = cold, DeleteAfterDays = delete }) };
        var error = await Assert.ThrowsAsync<EbsException>(() => t.Backup().CreateBackupPlanAsync(request).AsTask());
        Assert.Equal(message, error.Message);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().CreateBackupPlanAsync(request).AsTask(), "InvalidParameterValueException");
    }

    [Fact]
    public async Task CreateBackupPlan_ColdNinetyDaysBeforeDelete_Accepted()
    {
        await using var t = new TestCloud();
        await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = Daily(lifecycle: new Lifecycle { MoveToColdStorageAfterDays = 30, DeleteAfterDays = 120 }) });
    }

    [Fact]
    public async Task CreateBackupPlan_BadScheduleOrWindow_InvalidParameterValue()
    {
        await using var t = new TestCloud();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = Daily(schedule: "cron(0 5 * * * *)") }).AsTask(), "InvalidParameterValueException");
        var window = Daily() with { Rules = [new BackupRuleInput { RuleName = "r", TargetBackupVaultName = "v1", StartWindowMinutes = 59 }] };
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = window }).AsTask(), "InvalidParameterValueException");
        var tooMany = Daily() with { Rules = [.. Enumerable.Range(0, 11).Select(i => new BackupRuleInput { RuleName = $"r{i}", TargetBackupVaultName = "v1" })] };
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = tooMany }).AsTask(), "LimitExceededException");
    }

    [Fact]
    public async Task Schedule_SelectionByTag_RunsAtEachCronInstantForTaggedVolumesOnly()
    {
        await using var t = new TestCloud();
        var tagged = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Volume, Tags = [new Tag("backup", "daily")] }] })).Volume;
        await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var plan = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = Daily() });
        await t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest
        {
            BackupPlanId = plan.BackupPlanId,
            BackupSelection = new BackupSelection { SelectionName = "tagged", IamRoleArn = BackupShorthands.Role, ListOfTags = ValueList<Condition>.From([new Condition { ConditionKey = "backup", ConditionValue = "daily" }]) },
        });

        t.Time.Advance(TimeSpan.FromHours(5) - TimeSpan.FromSeconds(1));
        Assert.Empty((await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs);
        t.Time.Advance(TimeSpan.FromSeconds(1));
        var jobs = (await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs;
        var job = Assert.Single(jobs);
        Assert.Equal(BackupShorthands.VolumeArn(tagged.VolumeId), job.ResourceArn);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture), job.CreationDate);
        Assert.Equal(plan.BackupPlanId, job.CreatedBy!.BackupPlanId);
        Assert.Equal(job.CreationDate, (await t.Backup().GetBackupPlanAsync(new GetBackupPlanRequest { BackupPlanId = plan.BackupPlanId })).LastExecutionDate);

        t.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(3, (await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs.Count);
        Assert.Equal(3, (await t.Backup().PointsAsync("v1")).Count);
    }

    [Fact]
    public async Task UpdateBackupPlan_NewSchedule_NextRunFollowsItAndRuleKeepsId()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var plan = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = Daily() });
        var ruleId = (await t.Backup().GetBackupPlanAsync(new GetBackupPlanRequest { BackupPlanId = plan.BackupPlanId })).BackupPlan.Rules.Single().RuleId;
        await t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest
        {
            BackupPlanId = plan.BackupPlanId,
            BackupSelection = new BackupSelection { SelectionName = "one", IamRoleArn = BackupShorthands.Role, Resources = ValueList<string>.From([BackupShorthands.VolumeArn(volume.VolumeId)]) },
        });

        var updated = await t.Backup().UpdateBackupPlanAsync(new UpdateBackupPlanRequest { BackupPlanId = plan.BackupPlanId, BackupPlan = Daily(schedule: "cron(30 1 ? * * *)") });
        t.Time.Advance(TimeSpan.FromMinutes(90));

        var got = await t.Backup().GetBackupPlanAsync(new GetBackupPlanRequest { BackupPlanId = plan.BackupPlanId });
        Assert.NotEqual(plan.VersionId, updated.VersionId);
        Assert.Equal(ruleId, got.BackupPlan.Rules.Single().RuleId);
        Assert.Equal(t.Time.GetUtcNow(), Assert.Single((await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs).CreationDate);
        t.Time.Advance(TimeSpan.FromHours(4));
        Assert.Single((await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs);
    }

    [Fact]
    public async Task DeleteBackupPlan_WithSelection_InvalidRequestThenDeletedAndStopsRunning()
    {
        await using var t = new TestCloud();
        await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var plan = await t.Backup().CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = Daily() });
        var selection = await t.Backup().CreateBackupSelectionAsync(new CreateBackupSelectionRequest
        {
            BackupPlanId = plan.BackupPlanId,
            BackupSelection = new BackupSelection { SelectionName = "all", IamRoleArn = BackupShorthands.Role, Resources = ValueList<string>.From(["arn:aws:ec2:us-east-1:111111111111:volume/*"]) },
        });
        Assert.Equal("all", (await t.Backup().GetBackupSelectionAsync(new GetBackupSelectionRequest { BackupPlanId = plan.BackupPlanId, SelectionId = selection.SelectionId })).BackupSelection.SelectionName);
        Assert.Single((await t.Backup().ListBackupSelectionsAsync(new ListBackupSelectionsRequest { BackupPlanId = plan.BackupPlanId })).BackupSelectionsList);

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Backup().DeleteBackupPlanAsync(new DeleteBackupPlanRequest { BackupPlanId = plan.BackupPlanId }).AsTask());
        Assert.Equal("Related backup plan selections must be deleted prior to backup plan deletion", error.Message);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().DeleteBackupPlanAsync(new DeleteBackupPlanRequest { BackupPlanId = plan.BackupPlanId }).AsTask(), "InvalidRequestException");

        await t.Backup().DeleteBackupSelectionAsync(new DeleteBackupSelectionRequest { BackupPlanId = plan.BackupPlanId, SelectionId = selection.SelectionId });
        var deleted = await t.Backup().DeleteBackupPlanAsync(new DeleteBackupPlanRequest { BackupPlanId = plan.BackupPlanId });
        Assert.Equal(t.Time.GetUtcNow(), deleted.DeletionDate);
        t.Time.Advance(TimeSpan.FromDays(2));
        Assert.Empty((await t.Backup().ListBackupJobsAsync(new ListBackupJobsRequest())).BackupJobs);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().GetBackupPlanAsync(new GetBackupPlanRequest { BackupPlanId = plan.BackupPlanId }).AsTask(), "ResourceNotFoundException");
    }
}
