using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Sharing;

/// <summary>Accounts of the sharing tests and shorthands over the sharing calls.</summary>
public static class SharingShorthands
{
    public const string Owner = TestCloud.Account;
    public const string Recipient = "222222222222";
    public const string Anyone = "333333333333";
    public const string Stranger = "444444444444";
    public const string OtherRegion = "us-west-2";

    public static Ec2Client Ec2Of(this TestCloud t, string account, string region = TestCloud.Region) => t.Cloud.Account(account).Ec2(region);

    public static ValueTask<ModifySnapshotAttributeResponse> ShareAsync(this Ec2Client ec2, SnapshotId snapshot, string accountOrAll, OperationType operation = OperationType.Add)
        => ec2.ModifySnapshotAttributeAsync(accountOrAll == "all"
            ? new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = operation, GroupNames = [PermissionGroup.All] }
            : new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = operation, UserIds = [accountOrAll] });

    public static ValueTask<ModifyImageAttributeResponse> ShareAsync(this Ec2Client ec2, ImageId image, string accountOrAll, OperationType operation = OperationType.Add)
        => ec2.ModifyImageAttributeAsync(new()
        {
            ImageId = image,
            LaunchPermission = accountOrAll == "all"
                ? new() { Add = operation == OperationType.Add ? [new LaunchPermission { Group = PermissionGroup.All }] : [], Remove = operation == OperationType.Remove ? [new LaunchPermission { Group = PermissionGroup.All }] : [] }
                : new() { Add = operation == OperationType.Add ? [new LaunchPermission { UserId = accountOrAll }] : [], Remove = operation == OperationType.Remove ? [new LaunchPermission { UserId = accountOrAll }] : [] },
        });

    public static async Task<IReadOnlyList<string>> SharedWithAsync(this Ec2Client ec2, SnapshotId snapshot)
        => [.. (await ec2.DescribeSnapshotAttributeAsync(new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission })).CreateVolumePermissions.Select(p => p.UserId ?? p.Group!.Value.ToAwsString())];

    public static async Task<Instance> LaunchAsync(this Ec2Client ec2, ImageId image)
        => (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 1, MaxCount = 1 })).Reservation.Instances.Single();
}
