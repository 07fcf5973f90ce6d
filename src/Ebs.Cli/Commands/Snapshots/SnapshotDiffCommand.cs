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

/// <summary><c>ebs snapshot diff A B</c>: the blocks whose content differs, as ranges for people and, as JSON, shaped like the EBS direct API's ListChangedBlocks.</summary>
internal sealed class SnapshotDiffCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotDiffCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var direct = cloud.Account(settings.Account).EbsDirect(settings.Region);
        var request = new ListChangedBlocksRequest { FirstSnapshotId = SnapshotId.Parse(settings.First), SecondSnapshotId = SnapshotId.Parse(settings.Second) };
        var changed = await direct.Paginators.ListChangedBlocks(request).ChangedBlocks.Select(block => block.BlockIndex).ToListAsync(cancellationToken);
        Print(settings, new JsonObject { ["ChangedBlocks"] = JsonItems.Array(changed, index => new JsonObject { ["BlockIndex"] = index }), ["BlockSize"] = cloud.BlockSize }, () => settings.Format == OutputFormat.Text
            ? [IndexRows(changed)]
            : [
                new Text($"{changed.Count:N0} changed blocks of {cloud.BlockSize / 1024} KiB:\n"),
                new Text($"{BlockRanges.Format(changed)}\n")]);
        return 0;
    }

    // Text output is rows for scripts, as the AWS CLI's: one block index a line, not the ranges people read.
    private static Table IndexRows(IEnumerable<long> changed)
    {
        var table = new Table().AddColumn("BlockIndex");
        foreach (var index in changed)
        {
            table.AddRow(index.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<FIRST>")]
        [Description("The older snapshot.")]
        public string First { get; init; } = string.Empty;

        [CommandArgument(1, "<SECOND>")]
        [Description("The newer snapshot.")]
        public string Second { get; init; } = string.Empty;
    }
}
