using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Ebs.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Ebs.Cli.Commands;

/// <summary>
/// <c>ebs fsck [--repair [--force]]</c>: mark-and-sweep over the store, reading every chunk and
/// every block-map node to check them, and naming the volumes, snapshots and images each damaged
/// chunk or lost node costs.
/// A store whose state cannot be opened is inspected instead: what SQLite, the tables, the
/// records and the chunk files still hold. Exit code 1 while anything is damaged, missing,
/// corrupt or (without <c>--repair</c>) leaked.
/// </summary>
internal sealed class FsckCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<FsckCommand.Settings>(console, time)
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await base.ExecuteAsync(context, settings, cancellationToken);
        }
        catch (EbsException e) when (e.ErrorCode is LocalStoreErrorCodes.StoreDamaged or LocalStoreErrorCodes.StateMissing)
        {
            // Report what is left, then fail with the one-line reason the store cannot be opened.
            PrintInspection(settings, await LocalDirectory.InspectAsync(settings.StorePath, OptionsFor(settings.StorePath, null), cancellationToken));
            throw;
        }
    }

    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var report = await cloud.ScrubAsync(verifyContents: true, cancellationToken: cancellationToken);
        var repaired = settings.Repair ? await cloud.ScrubAsync(repair: true, force: settings.Force, cancellationToken: cancellationToken) : report;
        var packs = await LocalDirectory.CheckPacksAsync(cloud, settings.Repair, settings.Force, cancellationToken);

        // Repair cannot restore damaged bytes; only the corrupt chunks it reclaimed as leaks are gone.
        var clean = (settings.Repair ? (await cloud.ScrubAsync(cancellationToken: cancellationToken)).IsClean : report.IsClean)
            && !report.CorruptChunks.Except(repaired.Repaired ? report.LeakedChunks : []).Any()
            && packs.IsClean;
        Print(settings, new JsonObject
        {
            ["ReachableNodes"] = report.ReachableNodes,
            ["ReachableChunks"] = report.ReachableChunks,
            ["StoredChunks"] = report.StoredChunks,
            ["LeakedChunks"] = JsonItems.Texts(report.LeakedChunks),
            ["MissingChunks"] = JsonItems.Texts(report.MissingChunks),
            ["CorruptChunks"] = JsonItems.Texts(report.CorruptChunks),
            ["MiscountedChunks"] = report.MiscountedChunks.Length,
            ["LeakedNodes"] = report.LeakedNodes.Length,
            ["MissingNodes"] = JsonItems.Texts(report.MissingNodes),
            ["CorruptNodes"] = JsonItems.Texts(report.CorruptNodes),
            ["MiscountedNodes"] = report.MiscountedNodes.Length,
            ["DamagedUses"] = JsonItems.Array(report.DamagedUses, u => new JsonObject
            {
                ["Chunk"] = u.Chunk.ToString(),
                ["ResourceId"] = u.ResourceId,
                ["SnapshotId"] = u.SnapshotId,
                ["Ranges"] = Ranges(u.Ranges),
            }),
            ["MissingNodeUses"] = JsonItems.Array(report.MissingNodeUses, u => new JsonObject
            {
                ["Node"] = u.Node.ToString(),
                ["ResourceId"] = u.ResourceId,
                ["SnapshotId"] = u.SnapshotId,
                ["Ranges"] = Ranges(u.Ranges),
            }),
            ["Repaired"] = repaired.Repaired,
            ["ReclaimedChunks"] = repaired.ReclaimedChunks.Length,
            ["ReclaimedNodes"] = repaired.ReclaimedNodes.Length,
            ["RepairRefusal"] = repaired.RepairRefusal,
            ["Packs"] = new JsonObject
            {
                ["Count"] = packs.Packs,
                ["PackBytes"] = packs.PackBytes,
                ["PhysicalChunkBytes"] = packs.PhysicalChunkBytes,
                ["LogicalChunkBytes"] = packs.LogicalChunkBytes,
                ["UnrecordedBytes"] = packs.UnrecordedBytes,
                ["ReclaimedBytes"] = packs.ReclaimedBytes,
                ["Problems"] = JsonItems.Strings(packs.Problems),
                ["RepairRefusal"] = packs.RepairRefusal,
            },
            ["Clean"] = clean,
        }, () => Describe(report, repaired, packs, clean));
        return clean ? 0 : 1;
    }

    private static List<IRenderable> Describe(ScrubReport report, ScrubReport repaired, PackCheckReport packs, bool clean)
    {
        var table = new Table().AddColumns("Check", "Chunks", "Block-map nodes");
        table.AddRow("reachable", Count(report.ReachableChunks), Count(report.ReachableNodes));
        table.AddRow("stored", Count(report.StoredChunks), string.Empty);
        table.AddRow("leaked", Count(report.LeakedChunks.Length), Count(report.LeakedNodes.Length));
        table.AddRow("missing", Count(report.MissingChunks.Length), Count(report.MissingNodes.Length));
        table.AddRow("corrupt", Count(report.CorruptChunks.Length), Count(report.CorruptNodes.Length));
        table.AddRow("mis-counted", Count(report.MiscountedChunks.Length), Count(report.MiscountedNodes.Length));

        // What the repair actually did, not what it was asked to do.
        if (repaired.ReclaimedChunks.Length + repaired.ReclaimedNodes.Length > 0)
        {
            table.AddRow("reclaimed", Count(repaired.ReclaimedChunks.Length), Count(repaired.ReclaimedNodes.Length));
        }

        if (repaired.Repaired && report.MiscountedChunks.Length + report.MiscountedNodes.Length > 0)
        {
            table.AddRow("counts corrected", Count(report.MiscountedChunks.Length), Count(report.MiscountedNodes.Length));
        }

        foreach (var chunk in report.MissingChunks)
        {
            table.AddRow($"[red]missing chunk[/] {chunk}", string.Empty, string.Empty);
        }

        foreach (var chunk in report.CorruptChunks)
        {
            table.AddRow($"[red]corrupt chunk[/] {chunk}", string.Empty, string.Empty);
        }

        foreach (var node in report.MissingNodes)
        {
            table.AddRow($"[red]missing node[/] {node}", string.Empty, string.Empty);
        }

        foreach (var node in report.CorruptNodes)
        {
            table.AddRow($"[red]corrupt node[/] {node}", string.Empty, string.Empty);
        }

        table.Caption(clean ? "[green]clean[/]" : "[red]not clean[/]");
        List<IRenderable> parts = [table, DescribePacks(packs)];
        if (!report.DamagedUses.IsEmpty || !report.MissingNodeUses.IsEmpty)
        {
            var missing = report.MissingChunks.ToHashSet();
            var uses = new Table().AddColumns("Lost through", "Used by", "Bytes lost");
            foreach (var use in report.DamagedUses)
            {
                uses.AddRow($"{(missing.Contains(use.Chunk) ? "missing" : "corrupt")} chunk {use.Chunk}", User(use.ResourceId, use.SnapshotId), Markup.Escape(string.Join(' ', use.Ranges)));
            }

            foreach (var use in report.MissingNodeUses)
            {
                uses.AddRow($"{(report.CorruptNodes.Contains(use.Node) ? "corrupt" : "missing")} node {use.Node}", User(use.ResourceId, use.SnapshotId), Markup.Escape(string.Join(' ', use.Ranges)));
            }

            parts.Add(uses);
        }

        foreach (var refusal in new[] { repaired.RepairRefusal, packs.RepairRefusal }.OfType<string>())
        {
            parts.Add(new Markup($"[red]Repair refused:[/] {Markup.Escape(refusal)}. To force it: ebs fsck --repair --force.\n"));
        }

        return parts;
    }

    /// <summary>The packs: their bytes, the chunks' physical (compressed) and logical bytes, unrecorded tails and damage.</summary>
    private static Table DescribePacks(PackCheckReport packs)
    {
        var table = new Table().AddColumns("Packs", "Found");
        table.AddRow("pack files", $"{Count(packs.Packs)} ({ByteText.Size(packs.PackBytes)})");
        table.AddRow("chunks stored (physical)", ByteText.Size(packs.PhysicalChunkBytes));
        table.AddRow("chunks stored (logical)", ByteText.Size(packs.LogicalChunkBytes));
        if (packs.UnrecordedBytes > 0)
        {
            table.AddRow(packs.ReclaimedBytes > 0 ? "unrecorded tails cut" : "[red]unrecorded tails[/]", ByteText.Size(packs.ReclaimedBytes > 0 ? packs.ReclaimedBytes : packs.UnrecordedBytes));
        }

        foreach (var problem in packs.Problems)
        {
            table.AddRow("[red]damaged pack[/]", Markup.Escape(problem));
        }

        return table;
    }

    private static string User(string resourceId, string? snapshotId)
        => Markup.Escape(snapshotId is null ? resourceId : $"{resourceId} (through {snapshotId})");

    private static JsonArray Ranges(IEnumerable<ByteRange> ranges) => JsonItems.Array(ranges, r => new JsonObject { ["Offset"] = r.Offset, ["Length"] = r.Length });

    private void PrintInspection(Settings settings, LocalStoreInspection inspection) => Print(settings, new JsonObject
    {
        ["StatePath"] = inspection.StatePath,
        ["IntegrityProblems"] = JsonItems.Strings(inspection.IntegrityProblems),
        ["Tables"] = JsonItems.Array(inspection.Tables, t => new JsonObject { ["Name"] = t.Name, ["Rows"] = t.Rows, ["Problem"] = t.Problem }),
        ["UndecodableEntries"] = JsonItems.Array(inspection.UndecodableEntries, e => new JsonObject { ["Kind"] = e.Kind, ["Key"] = e.Key, ["Problem"] = e.Problem }),
        ["ChunkFiles"] = inspection.ChunkFiles,
        ["PhysicalChunkBytes"] = inspection.PhysicalChunkBytes,
        ["LogicalChunkBytes"] = inspection.LogicalChunkBytes,
        ["DamagedChunkFiles"] = JsonItems.Array(inspection.DamagedChunkFiles, f => new JsonObject { ["Path"] = f.Path, ["Problem"] = f.Problem }),
        ["Clean"] = false,
    }, () =>
    {
        var table = new Table().AddColumns("Check", "Found");
        table.AddRow("state database", Markup.Escape(inspection.StatePath));
        table.AddRow("integrity", inspection.IntegrityProblems.IsEmpty ? "ok" : $"[red]{Markup.Escape(string.Join("; ", inspection.IntegrityProblems))}[/]");
        foreach (var t in inspection.Tables)
        {
            var rows = $"{Count(t.Rows)} rows";
            table.AddRow($"table {t.Name}", t.Problem is null ? rows : $"[red]{rows} read, then: {Markup.Escape(t.Problem)}[/]");
        }

        foreach (var entry in inspection.UndecodableEntries)
        {
            table.AddRow($"[red]undecodable {Markup.Escape(entry.Kind)}[/] {Markup.Escape(entry.Key)}", Markup.Escape(entry.Problem));
        }

        table.AddRow("chunk files", Count(inspection.ChunkFiles));
        table.AddRow("chunk bytes (physical, logical)", $"{ByteText.Size(inspection.PhysicalChunkBytes)}, {ByteText.Size(inspection.LogicalChunkBytes)}");
        foreach (var file in inspection.DamagedChunkFiles)
        {
            table.AddRow("[red]damaged chunk file[/]", Markup.Escape($"{file.Path}: {file.Problem}"));
        }

        table.Caption("[red]the state cannot be opened; nothing was changed[/]");
        return table;
    });

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--repair")]
        [Description("Reclaim leaked chunks and nodes and correct reference counts.")]
        public bool Repair { get; init; }

        [CommandOption("--force")]
        [Description("With --repair: repair even when it would reclaim more than half of the stored chunks or nodes (what a state that lost its records looks like, or the leftovers of an interrupted first command), or while a referenced block-map node is missing (what it held is given up).")]
        public bool Force { get; init; }

        public override ValidationResult Validate() => Force && !Repair ? ValidationResult.Error("--force only applies to --repair.") : ValidationResult.Success();
    }
}
