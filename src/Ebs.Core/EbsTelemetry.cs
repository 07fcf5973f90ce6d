using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ebs.Core;

/// <summary>The library's meter and activity source, both named <c>Ebs.Core</c>.</summary>
public static class EbsTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Ebs.Core";

    /// <summary>The tag naming the account of a measurement.</summary>
    public const string AccountTag = "aws.account";

    /// <summary>The tag naming the Region of a measurement.</summary>
    public const string RegionTag = "aws.region";

    // Internal so that only the library creates instruments and activities under its name;
    // listeners subscribe by Name.
    internal static ActivitySource ActivitySource { get; } = new(Name);

    internal static Meter Meter { get; } = new(Name);

    internal static Counter<long> ChunksWritten { get; } = Meter.CreateCounter<long>("ebs.chunks.written", "{chunk}", "Chunks newly stored.");

    internal static Counter<long> DedupHits { get; } = Meter.CreateCounter<long>("ebs.chunks.dedup_hits", "{chunk}", "Blocks whose bytes were already stored.");

    internal static Counter<long> HashCollisions { get; } = Meter.CreateCounter<long>("ebs.chunks.hash_collisions", "{chunk}", "Dedup hits whose bytes differed, resolved by probing.");

    internal static Counter<long> ColdReads { get; } = Meter.CreateCounter<long>("ebs.volumes.cold_reads", "{block}", "First reads of blocks of volumes created from snapshots.");

    internal static Counter<long> ChunkDeleteFailures { get; } = Meter.CreateCounter<long>("ebs.chunks.delete_failures", "{chunk}", "Unreferenced chunks the store failed to delete; scrub reclaims them.");

    internal static Counter<long> ProgressSaveFailures { get; } = Meter.CreateCounter<long>("ebs.volumes.progress_save_failures", "{commit}", "Lazy-load progress that could not be saved when a cloud was disposed.");

    internal static Counter<long> AbandonedImports { get; } = Meter.CreateCounter<long>("ebs.volumes.abandoned_imports", "{volume}", "Failed imports whose new volume could not be removed at once; opening the store removes it.");

    internal static Counter<long> ChunksFreed { get; } = Meter.CreateCounter<long>("ebs.chunks.freed", "{chunk}", "Chunks deleted because nothing references them.");

    internal static Counter<long> DueEventsApplied { get; } = Meter.CreateCounter<long>("ebs.due.applied", "{event}", "Scheduled time-driven effects applied at their instants.");
}
