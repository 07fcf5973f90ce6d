using Ebs.Core.Domain;
using Ebs.Core.Services;
using static Ebs.Core.Tests.RecycleBin.Rules;

namespace Ebs.Core.Tests.RecycleBin;

public sealed class RuleTests
{
    private static readonly RetentionPeriod Week = new() { RetentionPeriodValue = 7 };

    public static TheoryData<string, string?, Func<TestCloud, string, Task>> BadCalls => new()
    {
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(0).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(366).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, RecycleBinResourceType.EbsVolume).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, (RecycleBinResourceType)9).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, resourceTags: [Tag("a", "b")], exclude: [Tag("c", "d")]).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, resourceTags: [Tag("a", "b")], lockConfiguration: Lock(7)).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, exclude: [Tag("a", "b")], lockConfiguration: Lock(7)).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, lockConfiguration: Lock(6)).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, lockConfiguration: Lock(31)).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, resourceTags: [Tag("", "b")]).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, resourceTags: [.. Enumerable.Range(0, 51).Select(i => Tag($"k{i}", "v"))]).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.CreateRuleAsync(7, exclude: [.. Enumerable.Range(0, 6).Select(i => Tag($"k{i}", "v"))]).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.RecycleBin().CreateRuleAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = Week, Description = "a\tb" }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.RecycleBin().CreateRuleAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = Week, Description = new string('x', 256) }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.RecycleBin().CreateRuleAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = Week, Tags = [new Tag("a#b", "v")] }).AsTask() },
        { EbsErrorCodes.ServiceQuotaExceededException, EbsErrorReasons.ServiceQuotaExceeded, (t, _) => t.RecycleBin().CreateRuleAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = Week, Tags = [.. Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v"))] }).AsTask() },
        { EbsErrorCodes.ServiceQuotaExceededException, EbsErrorReasons.ServiceQuotaExceeded, (t, id) => t.RecycleBin().TagResourceAsync(new() { ResourceArn = $"arn:aws:rbin:us-east-1:111111111111:rule/{id}", Tags = [.. Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v"))] }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.GetRuleAsync("short").AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, EbsErrorReasons.RuleNotFound, (t, _) => t.GetRuleAsync("abcdefghijk").AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, EbsErrorReasons.RuleNotFound, (t, id) => t.Cloud.Account("222222222222").RecycleBin(TestCloud.Region).DeleteRuleAsync(new() { Identifier = id }).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, EbsErrorReasons.RuleNotFound, (t, id) => t.Cloud.Account(TestCloud.Account).RecycleBin("eu-west-1").GetRuleAsync(new() { Identifier = id }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, id) => t.RecycleBin().UpdateRuleAsync(new() { Identifier = id, RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 400 } }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, id) => t.RecycleBin().UpdateRuleAsync(new() { Identifier = id, ResourceType = RecycleBinResourceType.Ec2Image }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, id) => t.RecycleBin().UpdateRuleAsync(new() { Identifier = id, ExcludeResourceTags = [Tag("c", "d")] }).AsTask() },
        { EbsErrorCodes.ConflictException, EbsErrorReasons.InvalidRuleState, (t, id) => t.RecycleBin().LockRuleAsync(new() { Identifier = id, LockConfiguration = Lock(7) }).AsTask() },
        { EbsErrorCodes.ConflictException, EbsErrorReasons.InvalidRuleState, (t, id) => t.RecycleBin().UnlockRuleAsync(new() { Identifier = id }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.RecycleBin().TagResourceAsync(new() { ResourceArn = "arn:aws:ec2:us-east-1:111111111111:snapshot/snap-1", Tags = [new Tag("k", "v")] }).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, EbsErrorReasons.RuleNotFound, (t, id) => t.RecycleBin().TagResourceAsync(new() { ResourceArn = $"arn:aws:rbin:us-east-1:222222222222:rule/{id}", Tags = [new Tag("k", "v")] }).AsTask() },
        { EbsErrorCodes.ResourceNotFoundException, EbsErrorReasons.RuleNotFound, (t, _) => t.RecycleBin().ListTagsForResourceAsync(new() { ResourceArn = "arn:aws:rbin:us-east-1:111111111111:rule/abcdefghijk" }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidParameterValue, (t, _) => t.RecycleBin().ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, MaxResults = 0 }).AsTask() },
        { EbsErrorCodes.ValidationException, EbsErrorReasons.InvalidPageToken, (t, _) => t.RecycleBin().ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, NextToken = "bm9wZQ==" }).AsTask() },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task RuleCall_BadInput_RbinErrorAndNothingChanged(string code, string? reason, Func<TestCloud, string, Task> call)
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(7, resourceTags: [Tag("a", "b")]);
        var error = await Assert.ThrowsAsync<EbsException>(() => call(t, rule.Identifier));
        Assert.Equal(reason, error.Reason);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => call(t, rule.Identifier), code);
    }

    [Fact]
    public async Task CreateRule_RegionLevel_DescribedAsAws()
    {
        await using var t = new TestCloud();
        var created = await t.RecycleBin().CreateRuleAsync(new CreateRuleRequest
        {
            ResourceType = RecycleBinResourceType.EbsSnapshot,
            RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 30 },
            Description = "keep 30 days",
            Tags = [new Tag("team", "storage")],
            ExcludeResourceTags = [Tag("skip", "yes")],
        });

        Assert.Matches("^[0-9a-zA-Z]{11}$", created.Identifier);
        Assert.Equal($"arn:aws:rbin:us-east-1:111111111111:rule/{created.Identifier}", created.RuleArn);
        Assert.Equal(RuleStatus.Available, created.Status);
        Assert.Null(created.LockState);
        Assert.Equal("storage", created.Tags["team"]);

        var got = await t.GetRuleAsync(created.Identifier);
        Assert.Equal(30, got.RetentionPeriod.RetentionPeriodValue);
        Assert.Equal(RetentionPeriodUnit.Days, got.RetentionPeriod.RetentionPeriodUnit);
        Assert.Equal("keep 30 days", got.Description);
        Assert.Empty(got.ResourceTags);
        Assert.Equal([Tag("skip", "yes")], got.ExcludeResourceTags);
        Assert.Null(got.LockConfiguration);
        Assert.Null(got.LockEndTime);
        Assert.Equal("storage", (await t.RecycleBin().ListTagsForResourceAsync(new() { ResourceArn = created.RuleArn })).Tags["team"]);
    }

    [Fact]
    public async Task UpdateRule_Unlocked_ChangesWhatIsGiven()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(7, resourceTags: [Tag("a", "b")]);
        var updated = await t.RecycleBin().UpdateRuleAsync(new UpdateRuleRequest { Identifier = rule.Identifier, RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 14 }, ResourceTags = [] });

        Assert.Equal(14, updated.RetentionPeriod.RetentionPeriodValue);
        Assert.Empty(updated.ResourceTags);
        Assert.Equal(string.Empty, updated.Description);
        var got = await t.GetRuleAsync(rule.Identifier);
        Assert.Equal(14, got.RetentionPeriod.RetentionPeriodValue);
        Assert.Empty(got.ResourceTags);
    }

    [Fact]
    public async Task DeleteRule_Unlocked_Gone()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(7);
        await t.RecycleBin().DeleteRuleAsync(new DeleteRuleRequest { Identifier = rule.Identifier });

        var error = await Assert.ThrowsAsync<EbsException>(() => t.GetRuleAsync(rule.Identifier).AsTask());
        Assert.Equal(EbsErrorCodes.ResourceNotFoundException, error.ErrorCode);
        Assert.Empty((await t.RecycleBin().ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot })).Rules);
    }

    [Fact]
    public async Task ListRules_Paged_EachRuleOnceOfTheTypeAndFilters()
    {
        await using var t = new TestCloud();
        var snapshotRules = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            snapshotRules.Add((await t.CreateRuleAsync(i + 1, resourceTags: i % 2 == 0 ? [Tag("even", "yes")] : [])).Identifier);
        }

        await t.CreateRuleAsync(3, RecycleBinResourceType.Ec2Image);
        var listed = new List<RuleSummary>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await t.RecycleBin().ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, MaxResults = 2, NextToken = token });
            listed.AddRange(page.Rules);
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(snapshotRules.Order(StringComparer.Ordinal), listed.Select(r => r.Identifier));
        var paged = new List<string>();
        await foreach (var rule in t.RecycleBin().Paginators.ListRules(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, MaxResults = 2 }).Rules)
        {
            paged.Add(rule.Identifier);
        }

        Assert.Equal(listed.Select(r => r.Identifier), paged);
        var even = await t.RecycleBin().ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, ResourceTags = [Tag("even", "yes")] });
        Assert.Equal(3, even.Rules.Count);
    }

    [Fact]
    public async Task CreateRule_SixthRuleWithOneTag_QuotaExceeded()
    {
        await using var t = new TestCloud();
        for (var i = 0; i < 5; i++)
        {
            await t.CreateRuleAsync(7, resourceTags: [Tag("k", "v")]);
        }

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.CreateRuleAsync(7, resourceTags: [Tag("k", "v")]).AsTask(), EbsErrorCodes.ServiceQuotaExceededException);
        await t.CreateRuleAsync(7, resourceTags: [Tag("k", "other")]);
    }

    [Fact]
    public async Task CreateRule_251stInRegion_QuotaExceededWhileOtherRegionsAndAccountsMayStill()
    {
        await using var t = new TestCloud();
        for (var i = 0; i < RecycleBinClient.MaxRulesPerRegion; i++)
        {
            await t.CreateRuleAsync(1 + (i % 365), i % 2 == 0 ? RecycleBinResourceType.EbsSnapshot : RecycleBinResourceType.Ec2Image);
        }

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.CreateRuleAsync(7).AsTask(), EbsErrorCodes.ServiceQuotaExceededException);
        var request = new CreateRuleRequest { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = Week };
        await t.Cloud.Account(TestCloud.Account).RecycleBin("eu-west-1").CreateRuleAsync(request);
        await t.Cloud.Account("222222222222").RecycleBin(TestCloud.Region).CreateRuleAsync(request);
    }

    [Fact]
    public async Task TagResource_LockedRule_TagsAddedAndRemoved()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(7, lockConfiguration: Lock(7));
        await t.RecycleBin().TagResourceAsync(new() { ResourceArn = rule.RuleArn, Tags = [new Tag("a", "1"), new Tag("b", "2")] });
        await t.RecycleBin().UntagResourceAsync(new() { ResourceArn = rule.RuleArn, TagKeys = ["a", "missing"] });

        var tags = (await t.RecycleBin().ListTagsForResourceAsync(new() { ResourceArn = rule.RuleArn })).Tags;
        Assert.Equal([new Tag("b", "2")], tags);
    }

    [Fact]
    public async Task LockLifecycle_UnlockDelay_UnchangeableUntilItsEnd()
    {
        await using var t = new TestCloud();
        var rbin = t.RecycleBin();
        var rule = await t.CreateRuleAsync(7);
        var locked = await rbin.LockRuleAsync(new() { Identifier = rule.Identifier, LockConfiguration = Lock(10) });
        Assert.Equal(LockState.Locked, locked.LockState);
        Assert.Equal(10, locked.LockConfiguration!.UnlockDelay.UnlockDelayValue);

        Task Update() => rbin.UpdateRuleAsync(new() { Identifier = rule.Identifier, Description = "changed" }).AsTask();
        Task Delete() => rbin.DeleteRuleAsync(new() { Identifier = rule.Identifier }).AsTask();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, Update, EbsErrorCodes.ConflictException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, Delete, EbsErrorCodes.ConflictException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => rbin.LockRuleAsync(new() { Identifier = rule.Identifier, LockConfiguration = Lock(10) }).AsTask(), EbsErrorCodes.ConflictException);

        t.Time.Advance(TimeSpan.FromDays(2));
        var unlockedAt = t.Time.GetUtcNow();
        var unlocking = await rbin.UnlockRuleAsync(new() { Identifier = rule.Identifier });
        Assert.Equal(LockState.PendingUnlock, unlocking.LockState);
        Assert.Equal(unlockedAt.AddDays(10), unlocking.LockEndTime);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, Update, EbsErrorCodes.ConflictException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => rbin.UnlockRuleAsync(new() { Identifier = rule.Identifier }).AsTask(), EbsErrorCodes.ConflictException);

        t.Time.Advance(TimeSpan.FromDays(10) - TimeSpan.FromTicks(1));
        Assert.Equal(LockState.PendingUnlock, (await t.GetRuleAsync(rule.Identifier)).LockState);
        Assert.Equal(LockState.PendingUnlock, (await rbin.ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, LockState = LockState.PendingUnlock })).Rules.Single().LockState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, Delete, EbsErrorCodes.ConflictException);

        t.Time.Advance(TimeSpan.FromTicks(1));
        var unlocked = await t.GetRuleAsync(rule.Identifier);
        Assert.Equal(LockState.Unlocked, unlocked.LockState);
        Assert.Null(unlocked.LockEndTime);
        Assert.Equal("changed", (await rbin.UpdateRuleAsync(new() { Identifier = rule.Identifier, Description = "changed" })).Description);
        await Delete();
    }

    [Fact]
    public async Task LockRule_WithinUnlockDelay_LocksAgainWithItsDelayOnly()
    {
        await using var t = new TestCloud();
        var rbin = t.RecycleBin();
        var rule = await t.CreateRuleAsync(7, lockConfiguration: Lock(7));
        Assert.Equal(LockState.Locked, rule.LockState);
        await rbin.UnlockRuleAsync(new() { Identifier = rule.Identifier });

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => rbin.LockRuleAsync(new() { Identifier = rule.Identifier, LockConfiguration = Lock(20) }).AsTask(), EbsErrorCodes.ValidationException);
        var relocked = await rbin.LockRuleAsync(new() { Identifier = rule.Identifier, LockConfiguration = Lock(7) });
        Assert.Equal(LockState.Locked, relocked.LockState);
        t.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(LockState.Locked, (await t.GetRuleAsync(rule.Identifier)).LockState);
        Assert.Null((await t.GetRuleAsync(rule.Identifier)).LockEndTime);
    }

    [Fact]
    public async Task LockRule_AfterUnlockDelay_NewDelayAllowed()
    {
        await using var t = new TestCloud();
        var rbin = t.RecycleBin();
        var rule = await t.CreateRuleAsync(7, lockConfiguration: Lock(7));
        await rbin.UnlockRuleAsync(new() { Identifier = rule.Identifier });
        t.Time.Advance(TimeSpan.FromDays(7));

        var relocked = await rbin.LockRuleAsync(new() { Identifier = rule.Identifier, LockConfiguration = Lock(20) });
        Assert.Equal(LockState.Locked, relocked.LockState);
        Assert.Equal(20, relocked.LockConfiguration!.UnlockDelay.UnlockDelayValue);
    }

    [Fact]
    public async Task LockRule_RegionLevelWithExclusions_Conflict()
    {
        await using var t = new TestCloud();
        var rule = await t.CreateRuleAsync(7, exclude: [Tag("skip", "yes")]);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.RecycleBin().LockRuleAsync(new() { Identifier = rule.Identifier, LockConfiguration = Lock(7) }).AsTask(),
            EbsErrorCodes.ConflictException);
    }
}
