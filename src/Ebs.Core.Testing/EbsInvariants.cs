using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Testing;

/// <summary>
/// The invariants deletion logic must keep, checked on a whole cloud after any sequence of calls:
/// <c>(await EbsInvariants.CheckAsync(cloud, new() { Model = model, Recorder = recorder })).ThrowIfViolated();</c>
/// </summary>
public static class EbsInvariants
{
    /// <summary>
    /// Applies the cloud's due work (Recycle Bin exits, tier completions), then checks: scrub finds no
    /// leaked, missing, corrupt or mis-counted chunk or node; the chunk store holds exactly the chunks
    /// live volumes and snapshots reference; nothing stays in the Recycle Bin past its exit; every
    /// <see cref="InvariantOptions.Retained"/> snapshot is live; no recorded refused call changed
    /// anything; and, with a <see cref="InvariantOptions.Model"/>, that the cloud is the model (see there)
    /// and the usage ledger's standard snapshot storage equals a recount.
    /// </summary>
    /// <param name="cloud">The cloud.</param>
    /// <param name="options">The model, recorder and retained snapshots, if any.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The report: every violation found.</returns>
    public static async ValueTask<InvariantReport> CheckAsync(EbsCloud cloud, InvariantOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= new InvariantOptions();
        var violations = new List<string>();
        await cloud.ApplyDueWorkAsync(cancellationToken).ConfigureAwait(false);
        var now = cloud.TimeProvider.GetUtcNow();
        var world = cloud.Engine.World;

        var scrub = await cloud.ScrubAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Report(violations, "leaked chunk", scrub.LeakedChunks);
        Report(violations, "missing chunk", scrub.MissingChunks);
        Report(violations, "mis-counted chunk", scrub.MiscountedChunks);
        Report(violations, "leaked block-map node", scrub.LeakedNodes);
        Report(violations, "missing block-map node", scrub.MissingNodes);
        Report(violations, "corrupt block-map node", scrub.CorruptNodes);
        Report(violations, "mis-counted block-map node", scrub.MiscountedNodes);
        if (scrub.StoredChunks != scrub.ReachableChunks)
        {
            violations.Add(Text($"storage: {scrub.StoredChunks} chunks stored ({(long)scrub.StoredChunks * cloud.BlockSize} bytes), {scrub.ReachableChunks} referenced ({(long)scrub.ReachableChunks * cloud.BlockSize} bytes)"));
        }

        foreach (var overstayed in world.Snapshots.Values.Where(s => s.RecycleBin is { } bin && bin.ExitTime <= now))
        {
            violations.Add(Text($"{overstayed.Id} is still in the Recycle Bin after its exit at {overstayed.RecycleBin!.ExitTime:O}"));
        }

        foreach (var retained in options.Retained)
        {
            var record = world.Snapshots.GetValueOrDefault(retained);
            if (record is null || record.RecycleBin is not null)
            {
                violations.Add(Text($"{retained} must be kept but is {(record is null ? "gone" : "in the Recycle Bin")}"));
            }
        }

        if (options.Recorder is { } recorder)
        {
            violations.AddRange(recorder.Violations.Select(c => Text($"call {c.Number} ({c.Description}): {c.Violation}")));
        }

        if (options.Model is { } model)
        {
            await ModelChecks.CheckAsync(cloud, model, violations, cancellationToken).ConfigureAwait(false);
        }

        return new InvariantReport(violations, options.Recorder?.ToScript());
    }

    private static void Report<T>(List<string> violations, string what, IEnumerable<T> ids)
        => violations.AddRange(ids.Select(id => Text($"{what} {id}")));

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
