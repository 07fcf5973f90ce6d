using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Dlm;

public sealed class ImagePolicyTests
{
    private static DateTimeOffset Day(int day, int hour = 2) => DateTimeOffset.Parse("2026-01-01T00:00Z", CultureInfo.InvariantCulture).AddDays(day - 1).AddHours(hour);

    private static CreateLifecyclePolicyRequest DailyImages(RetainRule retain, DeprecateRule? deprecate = null) => new()
    {
        ExecutionRoleArn = Policies.Role,
        Description = "Daily AMIs",
        State = SettablePolicyStateValues.Enabled,
        PolicyDetails = new PolicyDetails
        {
            PolicyType = PolicyTypeValues.ImageManagement,
            ResourceTypes = [ResourceTypeValues.Instance],
            TargetTags = [new Tag("ami", "daily")],
            Schedules =
            [
                new Schedule
                {
                    Name = "Images",
                    CreateRule = new CreateRule { Interval = 24, IntervalUnit = IntervalUnitValues.Hours, Times = ["02:00"] },
                    RetainRule = retain,
                    DeprecateRule = deprecate,
                },
            ],
        },
    };

    private static async Task<InstanceId> TaggedInstanceAsync(TestCloud t)
    {
        var instance = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        await t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = [new Tag("ami", "daily")] });
        return instance;
    }

    private static async Task<List<Image>> PolicyImagesAsync(TestCloud t, string policyId)
        => [.. (await t.Ec2.ListImagesAsync(new DescribeImagesRequest { Owners = ["self"], IncludeDeprecated = true })).Where(i => i.Tags.TryGetValue("aws:dlm:lifecycle-policy-id", out var id) && id == policyId).OrderBy(i => i.CreationDate)];

    [Fact]
    public async Task ImagePolicy_Retain2DeprecateAllButNewest_KeepsTwoImagesAndDeletesTheSnapshotsOfTheRest()
    {
        await using var t = new TestCloud();
        var instance = await TaggedInstanceAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(DailyImages(new RetainRule { Count = 2 }, new DeprecateRule { Count = 1 }))).PolicyId;

        t.Time.SetUtcNow(Day(4, 3));
        var images = await PolicyImagesAsync(t, policyId);

        Assert.Equal([Day(3), Day(4)], images.Select(i => i.CreationDate));
        Assert.Equal(Day(4), images[0].DeprecationTime);
        Assert.Null(images[1].DeprecationTime);
        Assert.All(images, i => Assert.Equal(ImageState.Available, i.State));
        Assert.All(images, i => Assert.Equal(SnapshotConsistency.CrashConsistent, i.Consistency));
        var imageSnapshots = (await Policies.PolicySnapshotsAsync(t.Ec2, policyId)).Select(s => s.SnapshotId).ToHashSet();
        Assert.Equal(images.SelectMany(i => i.BlockDeviceMappings.Select(b => b.Ebs.SnapshotId)).ToHashSet(), imageSnapshots);
        Assert.Equal(instance.Value, (await t.Ec2.DescribeInstanceAsync(instance)).InstanceId.Value);
    }

    [Fact]
    public async Task ImagePolicy_AgeRetention_DeregistersExpiredImagesButNeverTheNewest()
    {
        await using var t = new TestCloud();
        await TaggedInstanceAsync(t);
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var policyId = (await dlm.CreateLifecyclePolicyAsync(DailyImages(new RetainRule { Interval = 1, IntervalUnit = RetentionIntervalUnitValues.Days }))).PolicyId;

        t.Time.SetUtcNow(Day(3, 3));

        Assert.Equal([Day(3)], (await PolicyImagesAsync(t, policyId)).Select(i => i.CreationDate));
    }

    [Fact]
    public async Task ImagePolicy_VolumeTargets_InvalidRequestException()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        var request = DailyImages(new RetainRule { Count = 2 });

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => dlm.CreateLifecyclePolicyAsync(request with { PolicyDetails = request.PolicyDetails with { ResourceTypes = [ResourceTypeValues.Volume] } }).AsTask(),
            EbsErrorCodes.InvalidRequestException);
    }
}
