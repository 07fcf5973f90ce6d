using System.Text.Json;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>Encodes and decodes Recycle Bin retention rules (<see cref="RecordKinds.RetentionRule"/>).</summary>
internal static class RetentionRuleCodec
{
    public static byte[] Write(RetentionRuleRecord r) => JsonSerializer.SerializeToUtf8Bytes(
        new RetentionRuleDocument(
            r.Identifier,
            r.AccountId,
            r.Region,
            r.ResourceType.ToAwsString(),
            r.RetentionDays,
            r.Description,
            new Dictionary<string, string>(r.Tags.Items, StringComparer.Ordinal),
            [.. r.ResourceTags.Select(Write)],
            [.. r.ExcludeResourceTags.Select(Write)],
            r.UnlockDelayDays,
            r.LockEndTime),
        StateJsonContext.Default.RetentionRuleDocument);

    /// <summary>Reads a rule document; <see cref="RecordKinds.RetentionRule"/> names the document when this throws.</summary>
    public static RetentionRuleRecord Read(StateDocument document)
    {
        var d = StateCodec.Read(document, StateJsonContext.Default.RetentionRuleDocument);
        return new RetentionRuleRecord
        {
            Identifier = d.Identifier,
            AccountId = d.AccountId,
            Region = d.Region,
            ResourceType = AwsEnum.Parse<RecycleBinResourceType>(d.ResourceType),
            RetentionDays = d.RetentionDays,
            Description = d.Description,
            Tags = TagList.From(d.Tags),
            ResourceTags = ValueList<ResourceTag>.From(d.ResourceTags.Select(Read)),
            ExcludeResourceTags = ValueList<ResourceTag>.From(d.ExcludeResourceTags.Select(Read)),
            UnlockDelayDays = d.UnlockDelayDays,
            LockEndTime = d.LockEndTime,
        };
    }

    private static ResourceTagDocument Write(ResourceTag t) => new(t.ResourceTagKey, t.ResourceTagValue);

    private static ResourceTag Read(ResourceTagDocument t) => new() { ResourceTagKey = t.Key, ResourceTagValue = t.Value };
}
