using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.RecycleBin;

/// <summary>Shorthands for Recycle Bin rules in tests.</summary>
public static class Rules
{
    public static RecycleBinClient RecycleBin(this TestCloud t) => t.Cloud.Account(TestCloud.Account).RecycleBin(TestCloud.Region);

    public static ResourceTag Tag(string key, string? value) => new() { ResourceTagKey = key, ResourceTagValue = value };

    public static LockConfiguration Lock(int days) => new() { UnlockDelay = new UnlockDelay { UnlockDelayValue = days } };

    public static async ValueTask<CreateRuleResponse> CreateRuleAsync(
        this TestCloud t,
        int days,
        RecycleBinResourceType type = RecycleBinResourceType.EbsSnapshot,
        IReadOnlyList<ResourceTag>? resourceTags = null,
        IReadOnlyList<ResourceTag>? exclude = null,
        LockConfiguration? lockConfiguration = null)
        => await t.RecycleBin().CreateRuleAsync(new CreateRuleRequest
        {
            ResourceType = type,
            RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = days },
            ResourceTags = resourceTags ?? [],
            ExcludeResourceTags = exclude ?? [],
            LockConfiguration = lockConfiguration,
        });

    public static async ValueTask<GetRuleResponse> GetRuleAsync(this TestCloud t, string identifier)
        => await t.RecycleBin().GetRuleAsync(new GetRuleRequest { Identifier = identifier });
}
