using Ebs.Cli.Formatting;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using static System.FormattableString;

namespace Ebs.Cli.Demo;

/// <summary>
/// What the walk-through cost: the cost report over the demo's whole simulated period, and the
/// two storage figures, physical and billed, side by side.
/// </summary>
internal static class CostSection
{
    private const decimal BytesPerGb = 1L << 30;

    /// <summary>Runs the section.</summary>
    /// <param name="lab">The demo's shared state.</param>
    /// <param name="restored">The snapshot restored once from the archive tier, whose full size its retrieval bills.</param>
    /// <param name="fastRestoreEnabled">How long Fast Snapshot Restore was enabled, from enabling to disabled.</param>
    /// <returns>A task that completes when the section is written.</returns>
    public static async Task RunAsync(DemoLab lab, DemoSnapshot restored, TimeSpan fastRestoreEnabled)
    {
        lab.Section("Cost");
        var report = await lab.Billing.GetCostAndUsageAsync(new GetCostAndUsageRequest { TimePeriod = new DateInterval { Start = lab.Started, End = lab.Now } });
        var lines = report.Regions.SelectMany(r => r.Lines).ToList();
        var table = new Table().Title(Invariant($"GetCostAndUsage from {AwsValues.Time(lab.Started)} to {AwsValues.Time(lab.Now)}"))
            .AddColumns("Usage type", "Quantity", "Unit", "Price", "Cost");
        foreach (var line in lines)
        {
            table.AddRow(line.UsageType.ToAwsString(), Invariant($"{line.UsageQuantity:0.########}"), line.Unit.ToAwsString(), Dollars(line.Price), Dollars(line.Cost));
        }

        table.AddRow("Total", string.Empty, string.Empty, string.Empty, Dollars(report.Total));
        lab.Show(table);

        var retrievedGb = restored.Image.WrittenBlocks.Count() * (decimal)lab.BlockSize / BytesPerGb;
        var retrieval = lines.SingleOrDefault(l => l.UsageType == UsageType.SnapshotArchiveRetrieval)?.UsageQuantity;
        lab.Console.MarkupLine(lab.Verdict(retrieval == retrievedGb, Invariant($"Archive retrieval: {retrieval:0.########} GB, {restored.Name}'s {restored.Image.WrittenBlocks.Count()} blocks restored once.")));
        var dsuHours = (decimal)fastRestoreEnabled.Ticks / TimeSpan.TicksPerHour;
        var fastRestore = lines.SingleOrDefault(l => l.UsageType == UsageType.FastSnapshotRestore)?.UsageQuantity;
        lab.Console.MarkupLine(lab.Verdict(fastRestore == dsuHours, Invariant($"Fast Snapshot Restore: {fastRestore:0.########} DSU-hours, the time from enabling to disabled in one zone.")));
        lab.Console.MarkupLine(lab.Verdict(report.Total == lines.Sum(l => l.Cost) && !report.Estimated, "The total is the sum of the lines, for a period already over."));

        var usage = await lab.Ec2.GetStorageUsageAsync(new GetStorageUsageRequest());
        lab.Show(new Table().Title("GetStorageUsage")
            .AddColumns("Stored (physical)", "Billed (standard tier)")
            .AddRow(ByteText.Blocks(usage.StoredSizeInBytes, lab.BlockSize), ByteText.Blocks(usage.BilledSizeInBytes, lab.BlockSize)));
        lab.Console.MarkupLine(
            "Stored counts each distinct block the chunk store holds once, archived snapshots' blocks included; billed is what AWS bills in the standard tier, "
            + "each snapshot paying for the blocks that differ from its parent, while an archived snapshot is billed in the archive tier instead.");
    }

    private static string Dollars(decimal amount) => Invariant($"${amount:0.########}");
}
