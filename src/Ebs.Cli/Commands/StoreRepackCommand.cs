using System.Globalization;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;
using Spectre.Console;

namespace Ebs.Cli.Commands;

/// <summary>
/// <c>ebs store repack</c>: rewrites the packs whose live chunks take less than half of their
/// bytes and removes those no chunk lives in; crash-safe, so it may be killed at any point.
/// </summary>
internal sealed class StoreRepackCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<StoreSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, StoreSettings settings, CancellationToken cancellationToken)
    {
        var report = await LocalDirectory.RepackAsync(cloud, cancellationToken);
        Print(settings, new JsonObject { ["PacksRewritten"] = report.PacksRewritten, ["PacksRemoved"] = report.PacksRemoved, ["ChunksMoved"] = report.ChunksMoved, ["BytesFreed"] = report.BytesFreed, ["Damaged"] = JsonItems.Strings(report.Damaged) }, () =>
        {
            var table = new Table().AddColumns("Repack", "Result");
            table.AddRow("packs rewritten", Count(report.PacksRewritten));
            table.AddRow("packs removed", Count(report.PacksRemoved));
            table.AddRow("chunks moved", Count(report.ChunksMoved));
            table.AddRow("bytes freed", ByteText.Size(report.BytesFreed));
            foreach (var damaged in report.Damaged)
            {
                table.AddRow("[red]left for fsck[/]", Markup.Escape(damaged));
            }

            return table;
        });
        return report.Damaged.IsEmpty ? 0 : 1;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
