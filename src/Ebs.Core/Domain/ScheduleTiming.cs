namespace Ebs.Core.Domain;

/// <summary>When a lifecycle policy's schedules run and how long what they create is kept: pure functions of instants.</summary>
internal static class ScheduleTiming
{
    /// <summary>
    /// The first run of <paramref name="rule"/> strictly after <paramref name="after"/>: for an
    /// interval, the instants <c>Times[0] + k × Interval</c> hours of every day (the policy's
    /// creation time of day without <c>Times</c>); else the cron expression's next instant.
    /// </summary>
    public static DateTimeOffset? Next(CreateRule rule, DateTimeOffset after, DateTimeOffset created)
    {
        if (rule.CronExpression is { } cron)
        {
            return CronExpression.Parse(cron).Next(after);
        }

        var timeOfDay = rule.Times.Count > 0
            ? TimeOnly.ParseExact(rule.Times[0], "HH:mm", System.Globalization.CultureInfo.InvariantCulture).ToTimeSpan()
            : new TimeSpan(created.UtcDateTime.Hour, created.UtcDateTime.Minute, 0);
        var step = TimeSpan.FromHours(rule.Interval!.Value);
        var anchor = new DateTimeOffset(after.UtcDateTime.Date, TimeSpan.Zero) + timeOfDay - TimeSpan.FromDays(1);
        var steps = (after - anchor).Ticks / step.Ticks;
        return anchor + step * (steps + 1);
    }

    /// <summary>The shortest time AWS keeps a snapshot in the archive tier.</summary>
    public static readonly TimeSpan MinimumArchivePeriod = TimeSpan.FromDays(90);

    /// <summary>How many runs of a schedule its gap checks look at: two years of a monthly schedule.</summary>
    private const int GapSample = 25;

    /// <summary>The shortest time between two consecutive runs of <paramref name="rule"/> among its next runs after <paramref name="from"/>.</summary>
    public static TimeSpan ShortestGap(CreateRule rule, DateTimeOffset from) => Gaps(rule, from).Min();

    /// <summary>
    /// The median time between consecutive runs of <paramref name="rule"/>: a monthly schedule on a
    /// day of the month counts about 30 days, one on a weekday of the month (gaps of 28 or 35) 28,
    /// as AWS's archive examples count them ("every 30 days", "the second Thursday": 4 or more).
    /// </summary>
    public static TimeSpan TypicalGap(CreateRule rule, DateTimeOffset from)
    {
        var gaps = Gaps(rule, from).Order().ToList();
        return gaps[gaps.Count / 2];
    }

    /// <summary>An age as a duration for comparisons between rules: months of 30 days, years of 365.</summary>
    public static TimeSpan Nominal(int interval, RetentionIntervalUnitValues unit) => unit switch
    {
        RetentionIntervalUnitValues.Days => TimeSpan.FromDays(interval),
        RetentionIntervalUnitValues.Weeks => TimeSpan.FromDays(7.0 * interval),
        RetentionIntervalUnitValues.Months => TimeSpan.FromDays(30.0 * interval),
        _ => TimeSpan.FromDays(365.0 * interval),
    };

    private static List<TimeSpan> Gaps(CreateRule rule, DateTimeOffset from)
    {
        var gaps = new List<TimeSpan>(GapSample);
        var previous = Next(rule, from, from);
        while (previous is { } at && gaps.Count < GapSample && Next(rule, at, from) is { } next)
        {
            gaps.Add(next - at);
            previous = next;
        }

        return gaps.Count > 0 ? gaps : [TimeSpan.MaxValue];
    }

    /// <summary>The instant a snapshot started at <paramref name="start"/> is kept until by an age rule.</summary>
    public static DateTimeOffset Expiry(DateTimeOffset start, int interval, RetentionIntervalUnitValues unit) => unit switch
    {
        RetentionIntervalUnitValues.Days => start.AddDays(interval),
        RetentionIntervalUnitValues.Weeks => start.AddDays(7.0 * interval),
        RetentionIntervalUnitValues.Months => start.AddMonths(interval),
        _ => start.AddYears(interval),
    };
}
