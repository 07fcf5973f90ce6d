using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands;

/// <summary><c>ebs usage</c>: snapshot storage of the account in every Region.</summary>
internal sealed class UsageCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<StoreSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, StoreSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<(string Region, Core.Domain.StorageUsage Usage)>();
        foreach (var region in cloud.Regions.Keys.Order(StringComparer.Ordinal))
        {
            rows.Add((region, await cloud.Account(settings.Account).Ec2(region).GetStorageUsageAsync(cancellationToken)));
        }

        Print(settings, rows.Select(r => new { r.Region, r.Usage.SnapshotCount, r.Usage.StoredBytes, r.Usage.FullSizeBytes }), () =>
        {
            var table = new Table().AddColumns("Region", "Snapshots", "Stored (each block once)", "Sum of full sizes");
            foreach (var (region, usage) in rows)
            {
                table.AddRow(region, usage.SnapshotCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ByteText.Size(usage.StoredBytes), ByteText.Size(usage.FullSizeBytes));
            }

            return table;
        });
        return 0;
    }
}
