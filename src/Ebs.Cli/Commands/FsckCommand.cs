using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>
/// <c>ebs fsck [--repair]</c>: mark-and-sweep over the store, reading every chunk to check its
/// bytes. Exit code 1 while anything is missing, corrupt or (without <c>--repair</c>) leaked.
/// </summary>
internal sealed class FsckCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<FsckCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var report = await cloud.ScrubAsync(settings.Repair, verifyContents: true, cancellationToken);
        var clean = settings.Repair ? (await cloud.ScrubAsync(cancellationToken: cancellationToken)).IsClean : report.IsClean;
        Print(settings, new
        {
            report.ReachableNodes,
            report.ReachableChunks,
            report.StoredChunks,
            LeakedChunks = report.LeakedChunks.Select(c => c.ToString()),
            MissingChunks = report.MissingChunks.Select(c => c.ToString()),
            CorruptChunks = report.CorruptChunks.Select(c => c.ToString()),
            MiscountedChunks = report.MiscountedChunks.Length,
            LeakedNodes = report.LeakedNodes.Length,
            MissingNodes = report.MissingNodes.Length,
            MiscountedNodes = report.MiscountedNodes.Length,
            report.Repaired,
            Clean = clean,
        }, () =>
        {
            var table = new Table().AddColumns("Check", "Chunks", "Block-map nodes");
            table.AddRow("reachable", $"{report.ReachableChunks}", $"{report.ReachableNodes}");
            table.AddRow("stored", $"{report.StoredChunks}", string.Empty);
            table.AddRow("leaked" + (settings.Repair ? " (reclaimed)" : string.Empty), $"{report.LeakedChunks.Length}", $"{report.LeakedNodes.Length}");
            table.AddRow("missing", $"{report.MissingChunks.Length}", $"{report.MissingNodes.Length}");
            table.AddRow("corrupt", $"{report.CorruptChunks.Length}", string.Empty);
            table.AddRow("mis-counted" + (settings.Repair ? " (corrected)" : string.Empty), $"{report.MiscountedChunks.Length}", $"{report.MiscountedNodes.Length}");
            foreach (var chunk in report.MissingChunks.Concat(report.CorruptChunks))
            {
                table.AddRow($"[red]damaged chunk[/] {chunk}", string.Empty, string.Empty);
            }

            table.Caption(clean ? "[green]clean[/]" : "[red]not clean[/]");
            return table;
        });
        return clean ? 0 : 1;
    }

    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--repair")]
        [Description("Reclaim leaked chunks and nodes and correct reference counts.")]
        public bool Repair { get; init; }
    }
}
