using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// <c>ebs snapshot share ID --with ACCOUNT|--public</c> and <c>ebs snapshot unshare …</c>: ModifySnapshotAttribute on
/// createVolumePermission; prints who the snapshot is shared with afterwards.
/// </summary>
internal abstract class SnapshotPermissionCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotShareSettings>(console, time)
{
    protected abstract OperationType Operation { get; }

    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, SnapshotShareSettings settings, CancellationToken cancellationToken)
    {
        var id = SnapshotId.Parse(settings.Id);
        await ec2.ModifySnapshotAttributeAsync(
            new ModifySnapshotAttributeRequest
            {
                SnapshotId = id,
                Attribute = SnapshotAttributeName.CreateVolumePermission,
                OperationType = Operation,
                UserIds = settings.With,
                GroupNames = settings.Public ? [PermissionGroup.All] : [],
            },
            cancellationToken);
        var permissions = (await ec2.DescribeSnapshotAttributeAsync(new() { SnapshotId = id, Attribute = SnapshotAttributeName.CreateVolumePermission }, cancellationToken)).CreateVolumePermissions;
        var grantees = permissions.Select(p => p.UserId ?? p.Group!.Value.ToAwsString()).ToList();
        Print(
            settings,
            new JsonObject { ["SnapshotId"] = id.Value, ["CreateVolumePermissions"] = JsonItems.Array(permissions, p => p.UserId is { } user ? new JsonObject { ["UserId"] = user } : new JsonObject { ["Group"] = p.Group!.Value.ToAwsString() }) },
            () => new Text(grantees.Count == 0 ? $"{id} is not shared.\n" : $"{id} is shared with {string.Join(", ", grantees)}.\n"));
        return 0;
    }
}

/// <summary><c>ebs snapshot share ID --with ACCOUNT|--public</c>.</summary>
internal sealed class SnapshotShareCommand(IAnsiConsole console, TimeProvider time) : SnapshotPermissionCommand(console, time)
{
    protected override OperationType Operation => OperationType.Add;
}

/// <summary><c>ebs snapshot unshare ID --with ACCOUNT|--public</c>.</summary>
internal sealed class SnapshotUnshareCommand(IAnsiConsole console, TimeProvider time) : SnapshotPermissionCommand(console, time)
{
    protected override OperationType Operation => OperationType.Remove;
}
