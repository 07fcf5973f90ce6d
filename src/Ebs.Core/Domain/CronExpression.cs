using System.Collections.Immutable;
using System.Globalization;

namespace Ebs.Core.Domain;

/// <summary>
/// A schedule in AWS's cron dialect (EventBridge's, which Data Lifecycle Manager uses):
/// <c>cron(minutes hours day-of-month month day-of-week year)</c>, in UTC. Fields take single values,
/// lists (<c>,</c>), ranges (<c>-</c>), steps (<c>/</c>) and <c>*</c>; day-of-month also <c>L</c>,
/// <c>LW</c> and <c>nW</c> (the weekday nearest day n, within its month); day-of-week (1 = Sunday
/// to 7 = Saturday, or SUN to SAT) also <c>L</c> (Saturday), <c>nL</c> (the last such day of
/// the month) and <c>n#k</c> (the k-th such day). Exactly one of day-of-month and day-of-week is
/// <c>?</c>. Months may be JAN to DEC; years run from 1970 to 2199.
/// </summary>
internal sealed class CronExpression
{
    private const int FirstYear = 1970;
    private const int LastYear = 2199;
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly ImmutableArray<int> _minutes;
    private readonly ImmutableArray<int> _hours;
    private readonly bool[] _months;
    private readonly bool[] _years;
    private readonly Func<DateOnly, bool> _day;

    private CronExpression(string text, ImmutableArray<int> minutes, ImmutableArray<int> hours, bool[] months, bool[] years, Func<DateOnly, bool> day)
    {
        Text = text;
        _minutes = minutes;
        _hours = hours;
        _months = months;
        _years = years;
        _day = day;
    }

    /// <summary>Gets the expression as given, <c>cron(...)</c> included.</summary>
    public string Text { get; }

    /// <summary>Gets the minutes of the hour the schedule fires at, ascending.</summary>
    public ImmutableArray<int> Minutes => _minutes;

    /// <summary>Parses an expression, <c>cron(...)</c> included.</summary>
    /// <exception cref="FormatException">The text is not a valid expression; the message says why.</exception>
    public static CronExpression Parse(string text)
        => TryParse(text, out var cron, out var error) ? cron : throw new FormatException(error);

    /// <summary>Tries to parse an expression, <c>cron(...)</c> included; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CronExpression? cron, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        cron = null;
        error = null;
        try
        {
            cron = ParseCore(text ?? string.Empty);
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Gets the first instant the schedule fires strictly after <paramref name="after"/>, or <see langword="null"/> when it never does again.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var start = after.UtcDateTime;
        var startMinute = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Utc);
        if (startMinute <= start)
        {
            startMinute = startMinute.AddMinutes(1);
        }

        var date = DateOnly.FromDateTime(startMinute);
        var firstDay = true;
        while (date.Year <= LastYear)
        {
            if (!_years[date.Year - FirstYear])
            {
                date = new DateOnly(date.Year + 1, 1, 1);
                firstDay = false;
                continue;
            }

            if (!_months[date.Month - 1])
            {
                date = new DateOnly(date.Year, date.Month, 1).AddMonths(1);
                firstDay = false;
                continue;
            }

            if (_day(date) && FirstTime(firstDay ? startMinute.Hour * 60 + startMinute.Minute : 0) is { } minuteOfDay)
            {
                return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(minuteOfDay));
            }

            date = date.AddDays(1);
            firstDay = false;
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private int? FirstTime(int fromMinuteOfDay)
    {
        foreach (var hour in _hours)
        {
            foreach (var minute in _minutes)
            {
                if (hour * 60 + minute >= fromMinuteOfDay)
                {
                    return hour * 60 + minute;
                }
            }
        }

        return null;
    }

    private static CronExpression ParseCore(string text)
    {
        if (!text.StartsWith("cron(", StringComparison.Ordinal) || !text.EndsWith(')'))
        {
            throw new FormatException("A cron expression is written cron(minutes hours day-of-month month day-of-week year).");
        }

        var fields = text[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException($"A cron expression has six fields; '{text}' has {fields.Length}.");
        }

        var minutes = Expand(fields[0], 0, 59, null, "minutes");
        var hours = Expand(fields[1], 0, 23, null, "hours");
        var months = Expand(fields[3], 1, 12, MonthNames, "month");
        var years = Expand(fields[5], FirstYear, LastYear, null, "year");
        var (dayOfMonth, dayOfWeek) = (fields[2], fields[4]);
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
        {
            throw new FormatException("Exactly one of day-of-month and day-of-week must be '?'.");
        }

        var day = dayOfMonth != "?" ? DayOfMonth(dayOfMonth) : DayOfWeek(dayOfWeek);
        return new CronExpression(text, [.. minutes], [.. hours], Mask(months, 1, 12), Mask(years, FirstYear, LastYear), day);
    }

    private static bool[] Mask(IEnumerable<int> values, int min, int max)
    {
        var mask = new bool[max - min + 1];
        foreach (var value in values)
        {
            mask[value - min] = true;
        }

        return mask;
    }

    private static Func<DateOnly, bool> DayOfMonth(string field)
    {
        switch (field)
        {
            case "L":
                return d => d.Day == DateTime.DaysInMonth(d.Year, d.Month);
            case "LW":
                return d => d == NearestWeekday(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
        }

        if (field.EndsWith('W'))
        {
            var n = Number(field[..^1], 1, 31, null, "day-of-month");
            return d => n <= DateTime.DaysInMonth(d.Year, d.Month) && d == NearestWeekday(d.Year, d.Month, n);
        }

        var days = Mask(Expand(field, 1, 31, null, "day-of-month"), 1, 31);
        return d => days[d.Day - 1];
    }

    private static Func<DateOnly, bool> DayOfWeek(string field)
    {
        if (field == "L")
        {
            return d => d.DayOfWeek == System.DayOfWeek.Saturday;
        }

        if (field.Split('#') is [var dayText, var nthText])
        {
            var weekday = Number(dayText, 1, 7, DayNames, "day-of-week") - 1;
            var nth = Number(nthText, 1, 5, null, "day-of-week");
            return d => (int)d.DayOfWeek == weekday && (d.Day - 1) / 7 + 1 == nth;
        }

        if (field.Length > 1 && field.EndsWith('L'))
        {
            var weekday = Number(field[..^1], 1, 7, DayNames, "day-of-week") - 1;
            return d => (int)d.DayOfWeek == weekday && d.Day + 7 > DateTime.DaysInMonth(d.Year, d.Month);
        }

        var days = Mask(Expand(field, 1, 7, DayNames, "day-of-week"), 1, 7);
        return d => days[(int)d.DayOfWeek];
    }

    /// <summary>The weekday nearest day <paramref name="day"/> of a month, never leaving the month.</summary>
    private static DateOnly NearestWeekday(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var last = DateTime.DaysInMonth(year, month);
        return date.DayOfWeek switch
        {
            System.DayOfWeek.Saturday => day == 1 ? date.AddDays(2) : date.AddDays(-1),
            System.DayOfWeek.Sunday => day == last ? date.AddDays(-2) : date.AddDays(1),
            _ => date,
        };
    }

    private static SortedSet<int> Expand(string field, int min, int max, string[]? names, string what)
    {
        var values = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] => (r, Number(s, 1, max - min + 1, null, what)),
                _ => throw new FormatException($"'{part}' is not a valid {what} value."),
            };
            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                (from, to) = (Number(a, min, max, names, what), Number(b, min, max, names, what));
                if (from > to)
                {
                    throw new FormatException($"The {what} range '{range}' runs backwards.");
                }
            }
            else
            {
                from = Number(range, min, max, names, what);
                to = part.Contains('/') ? max : from;
            }

            for (var value = from; value <= to; value += step)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static int Number(string text, int min, int max, string[]? names, string what)
    {
        if (names is not null && Array.IndexOf(names, text.ToUpperInvariant()) is var index and >= 0)
        {
            return index + min;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"'{text}' is not a valid {what} value ({min} to {max}).");
    }
}
