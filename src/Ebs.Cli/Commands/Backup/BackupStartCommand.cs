using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Backup;

/// <summary><c>ebs backup start --volume ID --vault NAME [--delete-after DAYS]</c>: an on-demand backup job.</summary>
internal sealed class BackupStartCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<BackupStartCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var backup = cloud.Account(settings.Account).Backup(settings.Region);
        var started = await backup.StartBackupJobAsync(new StartBackupJobRequest
        {
            BackupVaultName = settings.Vault,
            ResourceArn = $"arn:aws:ec2:{settings.Region}:{settings.Account}:volume/{VolumeId.Parse(settings.Volume)}",
            IamRoleArn = $"arn:aws:iam::{settings.Account}:role/service-role/AWSBackupDefaultServiceRole",
            Lifecycle = settings.DeleteAfterDays is { } days ? new Lifecycle { DeleteAfterDays = days } : null,
        }, cancellationToken);
        var job = await backup.DescribeBackupJobAsync(new DescribeBackupJobRequest { BackupJobId = started.BackupJobId }, cancellationToken);
        Print(
            settings,
            new JsonObject { ["BackupJobId"] = started.BackupJobId, ["CreationDate"] = AwsValues.Time(started.CreationDate), ["IsParent"] = started.IsParent },
            () => new Text($"Backup job {job.BackupJobId}: {job.State.ToAwsString()}, recovery point {job.RecoveryPointArn ?? job.StatusMessage}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandOption("--volume <ID>")]
        [Description("The volume to back up.")]
        public string Volume { get; init; } = string.Empty;

        [CommandOption("--vault <NAME>")]
        [Description("The vault the recovery point goes to.")]
        public string Vault { get; init; } = string.Empty;

        [CommandOption("--delete-after <DAYS>")]
        [Description("Delete the recovery point this many days after its creation (default: keep it).")]
        public long? DeleteAfterDays { get; init; }
    }
}
