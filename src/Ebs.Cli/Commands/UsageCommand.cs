using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary><c>ebs usage [--region R]</c>: snapshot storage of the account in every Region, or in one.</summary>
internal sealed class UsageCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<UsageCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        IEnumerable<string> regions = settings.Region is { } only ? [only] : cloud.Regions.Keys.Order(StringComparer.Ordinal);
        var rows = new List<(string Region, GetStorageUsageResponse Usage)>();
        foreach (var region in regions)
        {
            rows.Add((region, await cloud.Account(settings.Account).Ec2(region).GetStorageUsageAsync(new(), cancellationToken)));
        }

        Print(settings, new JsonObject { ["Regions"] = JsonItems.Array(rows, r => new JsonObject { ["Region"] = r.Region, ["SnapshotCount"] = r.Usage.SnapshotCount, ["StoredBytes"] = r.Usage.StoredSizeInBytes, ["BilledBytes"] = r.Usage.BilledSizeInBytes, ["FullSizeBytes"] = r.Usage.FullSnapshotSizeInBytes }) }, () =>
        {
            var table = new Table().AddColumns("Region", "Snapshots", "Stored (each block once)", "Billed (as AWS bills)", "Sum of full sizes");
            foreach (var (region, usage) in rows)
            {
                table.AddRow(region, usage.SnapshotCount.ToString(CultureInfo.InvariantCulture), ByteText.Size(usage.StoredSizeInBytes), ByteText.Size(usage.BilledSizeInBytes), ByteText.Size(usage.FullSnapshotSizeInBytes));
            }

            return table;
        });
        return 0;
    }

    // Not AccountSettings: here --region narrows the report instead of defaulting to one Region.
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--account <ID>")]
        [Description("The caller's 12-digit account id (default: " + DefaultAccount + ").")]
        public string Account { get; init; } = DefaultAccount;

        [CommandOption("--region <REGION>")]
        [Description("Only this Region (default: every Region).")]
        public string? Region { get; init; }
    }
}
