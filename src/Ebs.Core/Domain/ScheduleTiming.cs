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

    /// <summary>The instant a snapshot started at <paramref name="start"/> is kept until by an age rule.</summary>
    public static DateTimeOffset Expiry(DateTimeOffset start, int interval, RetentionIntervalUnitValues unit) => unit switch
    {
        RetentionIntervalUnitValues.Days => start.AddDays(interval),
        RetentionIntervalUnitValues.Weeks => start.AddDays(7.0 * interval),
        RetentionIntervalUnitValues.Months => start.AddMonths(interval),
        _ => start.AddYears(interval),
    };
}
