namespace Ebs.Core.Domain;

/// <summary>
/// Turns usage ledger entries into the usage of a period: a level (bytes stored, FSR units) is
/// integrated over the part of the period it lasts, counting a level set before the period from
/// its start; a one-off charge counts when its instant falls in the period. Quantities are in the
/// <see cref="UnitOf"/> of their type, with a GB of 2^30 bytes.
/// </summary>
internal static class UsageIntegral
{
    private const decimal BytesPerGb = 1L << 30;

    /// <summary>Gets the unit a usage type is measured and priced in.</summary>
    public static UsageUnit UnitOf(UsageType type) => type switch
    {
        UsageType.SnapshotStorage or UsageType.SnapshotArchiveStorage or UsageType.SnapshotArchiveEarlyDeletion => UsageUnit.GbMonth,
        UsageType.FastSnapshotRestore or UsageType.FastSnapshotRestoreMinimum => UsageUnit.DsuHour,
        UsageType.SnapshotArchiveRetrieval => UsageUnit.Gb,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Measures the usage of <paramref name="entries"/> from <paramref name="start"/> (inclusive)
    /// to <paramref name="end"/> (exclusive), per Region and usage type; types with no usage are left out.
    /// Levels are held only up to <paramref name="now"/>: the ledger does not know the future.
    /// </summary>
    /// <param name="entries">Ledger entries, in any order, none after <paramref name="now"/>.</param>
    /// <param name="start">The beginning of the period.</param>
    /// <param name="end">The end of the period, after <paramref name="start"/>.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="monthLength">The length of a month, or <see langword="null"/> for calendar months (UTC).</param>
    public static Dictionary<(string Region, UsageType Type), decimal> Measure(
        IEnumerable<UsageEntry> entries, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, TimeSpan? monthLength)
    {
        var heldUntil = end < now ? end : now;
        var usage = new Dictionary<(string Region, UsageType Type), decimal>();
        foreach (var line in entries.GroupBy(e => (e.Region, e.Type)))
        {
            var quantity = line.Key.Type is UsageType.SnapshotStorage or UsageType.SnapshotArchiveStorage or UsageType.FastSnapshotRestore
                ? Level(line.OrderBy(e => e.At).ThenBy(e => e.Sequence), line.Key.Type, start, heldUntil, monthLength)
                : line.Where(e => e.At >= start && e.At < end).Sum(e => OneOff(e, monthLength));
            if (quantity != 0)
            {
                usage[line.Key] = quantity;
            }
        }

        return usage;
    }

    private static decimal Level(IEnumerable<UsageEntry> ordered, UsageType type, DateTimeOffset start, DateTimeOffset end, TimeSpan? monthLength)
    {
        var level = 0L;
        var from = start;
        var quantity = 0m;
        foreach (var entry in ordered.TakeWhile(e => e.At < end))
        {
            if (entry.At > from)
            {
                quantity += Held(type, level, from, entry.At, monthLength);
                from = entry.At;
            }

            level += entry.LevelChange;
        }

        return quantity + Held(type, level, from, end, monthLength);
    }

    /// <summary>The usage of <paramref name="level"/> held from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static decimal Held(UsageType type, long level, DateTimeOffset from, DateTimeOffset to, TimeSpan? monthLength)
        => level == 0 ? 0 : UnitOf(type) == UsageUnit.DsuHour
            ? level * Hours(to - from)
            : level / BytesPerGb * Months(from, to, monthLength);

    private static decimal OneOff(UsageEntry entry, TimeSpan? monthLength) => UnitOf(entry.Type) switch
    {
        UsageUnit.Gb => entry.Quantity / BytesPerGb,
        UsageUnit.DsuHour => entry.Quantity * Hours(entry.Duration),
        _ => entry.Quantity / BytesPerGb * Months(entry.At, entry.At + entry.Duration, monthLength),
    };

    private static decimal Hours(TimeSpan duration) => (decimal)duration.Ticks / TimeSpan.TicksPerHour;

    /// <summary>Counts the months from <paramref name="from"/> to <paramref name="to"/>: of fixed length, or each part over its calendar month's length.</summary>
    private static decimal Months(DateTimeOffset from, DateTimeOffset to, TimeSpan? monthLength)
    {
        if (monthLength is { } length)
        {
            return (decimal)(to - from).Ticks / length.Ticks;
        }

        var months = 0m;
        var at = from.ToUniversalTime();
        while (at < to)
        {
            var monthStart = new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var next = monthStart.AddMonths(1);
            var partEnd = next < to ? next : to;
            months += (decimal)(partEnd - at).Ticks / (next - monthStart).Ticks;
            at = partEnd;
        }

        return months;
    }
}
