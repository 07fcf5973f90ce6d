using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Backup;

/// <summary><c>ebs backup vault list</c>.</summary>
internal sealed class BackupVaultListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<AccountSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, AccountSettings settings, CancellationToken cancellationToken)
    {
        var vaults = (await cloud.Account(settings.Account).Backup(settings.Region).ListBackupVaultsAsync(new ListBackupVaultsRequest(), cancellationToken)).BackupVaultList;
        Print(
            settings,
            new JsonObject { ["BackupVaultList"] = JsonItems.Array(vaults, v => new JsonObject { ["BackupVaultName"] = v.BackupVaultName, ["BackupVaultArn"] = v.BackupVaultArn, ["CreationDate"] = AwsValues.Time(v.CreationDate), ["NumberOfRecoveryPoints"] = v.NumberOfRecoveryPoints, ["Locked"] = v.Locked }) },
            () =>
            {
                var table = new Table().AddColumns("Vault", "Recovery points", "Locked", "Created");
                foreach (var v in vaults)
                {
                    table.AddRow(v.BackupVaultName, $"{v.NumberOfRecoveryPoints}", v.Locked ? "yes" : "no", AwsValues.Time(v.CreationDate));
                }

                return table;
            });
        return 0;
    }
}
