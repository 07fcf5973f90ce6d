using Ebs.Cli.Formatting;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// ListChangedBlocks through the EBS direct API: what an incremental backup tool copies
/// between two snapshots, found by walking both block maps and skipping equal subtrees.
/// </summary>
internal static class ChangedBlocksSection
{
    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <param name="chain">The snapshots to compare.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab, SnapshotChain chain)
    {
        lab.Section("Changed blocks (EBS direct API ListChangedBlocks)");
        var table = new Table().Title("Blocks whose content differs, ascending")
            .AddColumns("First", "Second", "Changed blocks", "Count");
        (DemoSnapshot? First, DemoSnapshot Second)[] pairs = [(null, chain.A), (chain.A, chain.B), (chain.B, chain.C), (chain.A, chain.C)];
        foreach (var (first, second) in pairs)
        {
            var changed = await lab.ChangedBlocksAsync(first?.Id, second.Id);
            table.AddRow(first?.Name ?? "(none)", second.Name, BlockRanges.Format(changed), Invariant($"{changed.Count}"));
        }

        lab.Show(table);
    }
}
