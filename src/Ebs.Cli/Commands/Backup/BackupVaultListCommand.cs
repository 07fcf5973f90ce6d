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
            new { BackupVaultList = vaults.Select(v => new { v.BackupVaultName, v.BackupVaultArn, CreationDate = AwsValues.Time(v.CreationDate), v.NumberOfRecoveryPoints, v.Locked }) },
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
