using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Images;

/// <summary><c>ebs image deregister ID [--delete-snapshots]</c>.</summary>
internal sealed class ImageDeregisterCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<ImageDeregisterCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var id = ImageId.Parse(settings.Id);
        var results = (await ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id, DeleteAssociatedSnapshots = settings.DeleteSnapshots }, cancellationToken)).DeleteSnapshotResults;
        Print(settings, new JsonObject { ["Return"] = true, ["DeleteSnapshotResults"] = JsonItems.Array(results, r => new JsonObject { ["SnapshotId"] = r.SnapshotId.Value, ["ReturnCode"] = r.ReturnCode.ToAwsString() }) }, () =>
            [new Text($"Deregistered {id}.\n"), .. results.Select(r => new Text($"  {r.SnapshotId}: {r.ReturnCode.ToAwsString()}\n"))]);
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The image.")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--delete-snapshots")]
        [Description("Also delete the image's snapshots; a snapshot another image uses is skipped (ReturnCode skipped) and kept.")]
        public bool DeleteSnapshots { get; init; }
    }
}
