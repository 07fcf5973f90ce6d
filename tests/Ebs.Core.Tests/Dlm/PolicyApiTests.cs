using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Dlm;

public sealed class PolicyApiTests
{
    [Fact]
    public async Task CreateGetList_Policy_DescribedAsCreated()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var request = Policies.Daily(15) with { Tags = [new Tag("team", "storage")] };

        var policyId = (await dlm.CreateLifecyclePolicyAsync(request)).PolicyId;
        var policy = (await dlm.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { PolicyId = policyId })).Policy;

        Assert.Matches("^policy-[0-9a-f]{17}$", policyId);
        Assert.Equal(GettablePolicyStateValues.Enabled, policy.State);
        Assert.Equal($"arn:aws:dlm:{TestCloud.Region}:{TestCloud.Account}:policy/{policyId}", policy.PolicyArn);
        Assert.Equal(t.Time.GetUtcNow(), policy.DateCreated);
        Assert.Equal("storage", policy.Tags["team"]);
        Assert.Equal(15, policy.PolicyDetails.Schedules[0].RetainRule.Count);
        var listed = (await dlm.GetLifecyclePoliciesAsync(new GetLifecyclePoliciesRequest { TargetTags = ["backup=daily"] })).Policies;
        Assert.Equal(policyId, Assert.Single(listed).PolicyId);
        Assert.Empty((await dlm.GetLifecyclePoliciesAsync(new GetLifecyclePoliciesRequest { State = GettablePolicyStateValues.Disabled })).Policies);
        Assert.Empty((await dlm.GetLifecyclePoliciesAsync(new GetLifecyclePoliciesRequest { ResourceTypes = [ResourceTypeValues.Instance] })).Policies);
        Assert.Empty((await t.Cloud.Account(TestCloud.Account).Dlm("us-west-2").GetLifecyclePoliciesAsync(new GetLifecyclePoliciesRequest())).Policies);
    }

    [Fact]
    public async Task TagUntagList_PolicyArn_ChangesItsOwnTags()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(Policies.Daily(3))).PolicyId;
        var arn = $"arn:aws:dlm:{TestCloud.Region}:{TestCloud.Account}:policy/{policyId}";

        await dlm.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag("a", "1"), new Tag("b", "2")] });
        await dlm.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] });

        var tags = (await dlm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags;
        Assert.Equal([new Tag("b", "2")], tags);
    }

    public static TheoryData<string, Func<CreateLifecyclePolicyRequest, CreateLifecyclePolicyRequest>> BadRequests() => new()
    {
        { "role", r => r with { ExecutionRoleArn = "arn:aws:iam::1:user/x" } },
        { "description", r => r with { Description = "bad\ttext" } },
        { "no target tags", r => r with { PolicyDetails = r.PolicyDetails with { TargetTags = [] } } },
        { "two resource types", r => r with { PolicyDetails = r.PolicyDetails with { ResourceTypes = [ResourceTypeValues.Volume, ResourceTypeValues.Instance] } } },
        { "five schedules", r => r with { PolicyDetails = r.PolicyDetails with { Schedules = [.. Enumerable.Range(0, 5).Select(i => r.PolicyDetails.Schedules[0] with { Name = $"S{i}" })] } } },
        { "interval 5", r => WithCreate(r, new CreateRule { Interval = 5, IntervalUnit = IntervalUnitValues.Hours }) },
        { "bad time", r => WithCreate(r, new CreateRule { Interval = 24, IntervalUnit = IntervalUnitValues.Hours, Times = ["24:00"] }) },
        { "cron and interval", r => WithCreate(r, new CreateRule { Interval = 24, IntervalUnit = IntervalUnitValues.Hours, CronExpression = "cron(0 2 * * ? *)" }) },
        { "cron too often", r => WithCreate(r, new CreateRule { CronExpression = "cron(0/30 * * * ? *)" }) },
        { "cron two question marks", r => WithCreate(r, new CreateRule { CronExpression = "cron(0 2 ? * ? *)" }) },
        { "retain 0", r => WithRetain(r, new RetainRule { Count = 0 }) },
        { "retain 1001", r => WithRetain(r, new RetainRule { Count = 1001 }) },
        { "retain both", r => WithRetain(r, new RetainRule { Count = 3, Interval = 3, IntervalUnit = RetentionIntervalUnitValues.Days }) },
        { "retain 101 years", r => WithRetain(r, new RetainRule { Interval = 101, IntervalUnit = RetentionIntervalUnitValues.Years }) },
        { "unknown copy Region", r => WithCopies(r, new CrossRegionCopyRule { TargetRegion = "mars-east-1" }) },
        { "encrypted copy", r => WithCopies(r, new CrossRegionCopyRule { TargetRegion = "us-west-2", Encrypted = true }) },
        { "four copies", r => WithCopies(r, [.. new[] { "us-west-2", "eu-west-1", "us-east-2", "us-west-1" }.Select(region => new CrossRegionCopyRule { TargetRegion = region })]) },
        { "aws: tag", r => r with { Tags = [new Tag("aws:x", "y")] } },
        { "variable tags on volumes", r => r with { PolicyDetails = r.PolicyDetails with { Schedules = [r.PolicyDetails.Schedules[0] with { VariableTags = [new Tag("id", "$(instance-id)")] }] } } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Create_BadRequest_InvalidRequestExceptionChangesNothing(string what, Func<CreateLifecyclePolicyRequest, CreateLifecyclePolicyRequest> change)
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        Assert.False(string.IsNullOrEmpty(what));

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dlm.CreateLifecyclePolicyAsync(change(Policies.Daily(3))).AsTask(), EbsErrorCodes.InvalidRequestException);
    }

    [Fact]
    public async Task Create_101stPolicy_LimitExceededException()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        for (var i = 0; i < DlmClient.MaxPoliciesPerRegion; i++)
        {
            await dlm.CreateLifecyclePolicyAsync(Policies.Daily(3) with { State = SettablePolicyStateValues.Disabled });
        }

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dlm.CreateLifecyclePolicyAsync(Policies.Daily(3)).AsTask(), EbsErrorCodes.LimitExceededException);
    }

    [Fact]
    public async Task GetUpdateDelete_UnknownPolicy_ResourceNotFoundException()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var other = (await t.Cloud.Account("222222222222").Dlm(TestCloud.Region).CreateLifecyclePolicyAsync(Policies.Daily(3))).PolicyId;

        var error = await Assert.ThrowsAsync<EbsException>(() => dlm.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { PolicyId = other }).AsTask());
        Assert.Equal(EbsErrorCodes.ResourceNotFoundException, error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dlm.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { PolicyId = other }).AsTask(), EbsErrorCodes.ResourceNotFoundException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => dlm.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { PolicyId = "snap-1" }).AsTask(), EbsErrorCodes.InvalidRequestException);
    }

    [Fact]
    public async Task Update_CountToAge_InvalidRequestExceptionChangesNothing()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var request = Policies.Daily(3);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(request)).PolicyId;

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => dlm.UpdateLifecyclePolicyAsync(new UpdateLifecyclePolicyRequest { PolicyId = policyId, PolicyDetails = WithRetain(request, new RetainRule { Interval = 3, IntervalUnit = RetentionIntervalUnitValues.Days }).PolicyDetails }).AsTask(),
            EbsErrorCodes.InvalidRequestException);
    }

    private static CreateLifecyclePolicyRequest WithCreate(CreateLifecyclePolicyRequest r, CreateRule rule)
        => r with { PolicyDetails = r.PolicyDetails with { Schedules = [r.PolicyDetails.Schedules[0] with { CreateRule = rule }] } };

    private static CreateLifecyclePolicyRequest WithRetain(CreateLifecyclePolicyRequest r, RetainRule rule)
        => r with { PolicyDetails = r.PolicyDetails with { Schedules = [r.PolicyDetails.Schedules[0] with { RetainRule = rule }] } };

    private static CreateLifecyclePolicyRequest WithCopies(CreateLifecyclePolicyRequest r, params CrossRegionCopyRule[] rules)
        => r with { PolicyDetails = r.PolicyDetails with { Schedules = [r.PolicyDetails.Schedules[0] with { CrossRegionCopyRules = rules }] } };
}
