using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary><c>ebs snapshot blocks SNAP</c>: the snapshot's written blocks, as ranges for people and, as JSON, shaped like the EBS direct API's ListSnapshotBlocks.</summary>
internal sealed class SnapshotBlocksCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotBlocksCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var direct = cloud.Account(settings.Account).EbsDirect(settings.Region);
        var blocks = await direct.Paginators.ListSnapshotBlocks(new ListSnapshotBlocksRequest { SnapshotId = SnapshotId.Parse(settings.Snapshot) }).Blocks
            .Select(block => block.BlockIndex).ToListAsync(cancellationToken);
        Print(settings, new JsonObject { ["Blocks"] = JsonItems.Array(blocks, index => new JsonObject { ["BlockIndex"] = index }), ["BlockSize"] = cloud.BlockSize }, () => settings.Format == OutputFormat.Text
            ? [IndexRows(blocks)]
            : [
                new Text($"{blocks.Count:N0} written blocks of {cloud.BlockSize / 1024} KiB:\n"),
                new Text($"{BlockRanges.Format(blocks)}\n")]);
        return 0;
    }

    private static Table IndexRows(IEnumerable<long> blocks)
    {
        var table = new Table().AddColumn("BlockIndex");
        foreach (var index in blocks)
        {
            table.AddRow(index.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<SNAPSHOT>")]
        [Description("The snapshot.")]
        public string Snapshot { get; init; } = string.Empty;
    }
}
