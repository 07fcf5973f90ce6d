using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Backup;

/// <summary><c>ebs backup vault create NAME</c>.</summary>
internal sealed class BackupVaultCreateCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<BackupVaultCreateCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var created = await cloud.Account(settings.Account).Backup(settings.Region).CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = settings.Name }, cancellationToken);
        Print(settings, new JsonObject { ["BackupVaultName"] = created.BackupVaultName, ["BackupVaultArn"] = created.BackupVaultArn, ["CreationDate"] = AwsValues.Time(created.CreationDate) }, () => new Text($"Created backup vault {created.BackupVaultArn}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The vault's name: 2 to 50 letters, digits, hyphens or underscores.")]
        public string Name { get; init; } = string.Empty;
    }
}
