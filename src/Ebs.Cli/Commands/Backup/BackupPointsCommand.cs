using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Backup;

/// <summary><c>ebs backup points --vault NAME</c>: a vault's recovery points, oldest first.</summary>
internal sealed class BackupPointsCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<BackupPointsCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var points = (await cloud.Account(settings.Account).Backup(settings.Region).ListRecoveryPointsByBackupVaultAsync(new ListRecoveryPointsByBackupVaultRequest { BackupVaultName = settings.Vault }, cancellationToken)).RecoveryPoints;
        Print(
            settings,
            new JsonObject
            {
                ["RecoveryPoints"] = JsonItems.Array(points, p => new JsonObject
                {
                    ["RecoveryPointArn"] = p.RecoveryPointArn,
                    ["BackupVaultName"] = p.BackupVaultName,
                    ["ResourceArn"] = p.ResourceArn,
                    ["ResourceType"] = p.ResourceType,
                    ["Status"] = p.Status.ToAwsString(),
                    ["CreationDate"] = AwsValues.Time(p.CreationDate),
                    ["BackupSizeInBytes"] = p.BackupSizeInBytes,
                    ["CalculatedLifecycle"] = new JsonObject { ["DeleteAt"] = p.CalculatedLifecycle.DeleteAt is { } at ? AwsValues.Time(at) : null },
                }),
            },
            () =>
            {
                var table = new Table().AddColumns("Recovery point", "Volume", "Status", "Created", "Delete at");
                foreach (var p in points)
                {
                    table.AddRow(p.RecoveryPointArn, p.ResourceArn[(p.ResourceArn.LastIndexOf('/') + 1)..], p.Status.ToAwsString(), AwsValues.Time(p.CreationDate), p.CalculatedLifecycle.DeleteAt is { } at ? AwsValues.Time(at) : "-");
                }

                return table;
            });
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandOption("--vault <NAME>")]
        [Description("The vault.")]
        public string Vault { get; init; } = string.Empty;
    }
}
