using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Backup;

/// <summary><c>ebs backup restore POINT --az ZONE</c>: a new volume from a recovery point.</summary>
internal sealed class BackupRestoreCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<BackupRestoreCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var backup = cloud.Account(settings.Account).Backup(settings.Region);
        var started = await backup.StartRestoreJobAsync(new StartRestoreJobRequest
        {
            RecoveryPointArn = settings.RecoveryPointArn,
            Metadata = new Dictionary<string, string> { ["availabilityZone"] = settings.Zone },
        }, cancellationToken);
        var job = await backup.DescribeRestoreJobAsync(new DescribeRestoreJobRequest { RestoreJobId = started.RestoreJobId }, cancellationToken);
        Print(settings, new JsonObject { ["RestoreJobId"] = started.RestoreJobId }, () => new Text($"Restore job {job.RestoreJobId}: new volume {job.CreatedResourceArn}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<POINT>")]
        [Description("The recovery point's ARN (arn:aws:ec2:REGION::snapshot/snap-...).")]
        public string RecoveryPointArn { get; init; } = string.Empty;

        [CommandOption("--az <ZONE>")]
        [Description("The new volume's Availability Zone.")]
        public string Zone { get; init; } = string.Empty;
    }
}
