using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Dlm;

/// <summary>Shorthands for lifecycle policy tests.</summary>
internal static class Policies
{
    public const string Role = $"arn:aws:iam::{TestCloud.Account}:role/AWSDataLifecycleManagerDefaultRole";

    public static readonly Tag Backup = new("backup", "daily");

    public static CreateLifecyclePolicyRequest Daily(int retain, string time = "02:00", params CrossRegionCopyRule[] copies) => new()
    {
        ExecutionRoleArn = Role,
        Description = "Daily snapshots",
        State = SettablePolicyStateValues.Enabled,
        PolicyDetails = new PolicyDetails
        {
            ResourceTypes = [ResourceTypeValues.Volume],
            TargetTags = [Backup],
            Schedules =
            [
                new Schedule
                {
                    Name = "Daily",
                    CreateRule = new CreateRule { Interval = 24, IntervalUnit = IntervalUnitValues.Hours, Times = [time] },
                    RetainRule = new RetainRule { Count = retain },
                    CrossRegionCopyRules = copies,
                },
            ],
        },
    };

    public static async Task<Volume> TaggedVolumeAsync(TestCloud t, Tag? tag = null)
        => (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = "us-east-1a",
            Size = 1,
            TagSpecifications = Ec2Shorthands.Tags(ResourceType.Volume, new Dictionary<string, string> { [(tag ?? Backup).Key] = (tag ?? Backup).Value! }),
        })).Volume;

    public static async Task<List<Snapshot>> PolicySnapshotsAsync(Ec2Client ec2, string policyId)
        => [.. (await ec2.ListSnapshotsAsync()).Where(s => s.Tags.TryGetValue("aws:dlm:lifecycle-policy-id", out var id) && id == policyId).OrderBy(s => s.StartTime)];
}
